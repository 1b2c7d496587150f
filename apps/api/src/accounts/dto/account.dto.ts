import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import {
  ACCOUNT_SORT_FIELDS,
  ACCOUNT_STATUSES,
  type AccountSortField,
  AccountStatus,
  CreateAccountRequest,
  PAYMENT_TERMS,
  PaymentTerms,
  type SortDirection,
  UpdateAccountRequest,
} from '@tradecounter/contracts';
import { IsMoney } from '../../common/http/money.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { NullableField, OptionalField } from '../../common/http/field-decorators';
import { SortDirectionField, SortField } from '../../common/http/sort';

class AccountFieldsDto {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @OptionalField()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @IsUUID()
  priceTierId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @IsUUID()
  accountManagerId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'EAST' })
  @NullableField()
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,20}$/, { message: 'defaultWarehouseCode must be a warehouse code like "EAST"' })
  defaultWarehouseCode?: string | null;

  @ApiPropertyOptional({ example: '25000.00' }) @OptionalField() @IsMoney() creditLimit?: string;
  @ApiPropertyOptional({ enum: PAYMENT_TERMS })
  @OptionalField()
  @IsIn(PAYMENT_TERMS)
  paymentTerms?: PaymentTerms;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() requiresPo?: boolean;
}

export class UpdateAccountDto extends AccountFieldsDto implements UpdateAccountRequest {
  @ApiPropertyOptional() @OptionalField() @IsString() @MinLength(1) @MaxLength(200) name?: string;
}

export class CreateAccountDto extends AccountFieldsDto implements CreateAccountRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,29}$/, { message: 'code must be 2-30 capital letters, digits, - or _' })
  code: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class AccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @OptionalField()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
  @ApiPropertyOptional() @OptionalField() @IsUUID() accountManagerId?: string;
  @SortField(ACCOUNT_SORT_FIELDS, 'name') sort?: AccountSortField;
  @SortDirectionField() dir?: SortDirection;
}
