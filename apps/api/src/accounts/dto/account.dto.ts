import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ACCOUNT_STATUSES,
  AccountStatus,
  CreateAccountRequest,
  PAYMENT_TERMS,
  PaymentTerms,
  UpdateAccountRequest,
} from '@tradecounter/contracts';
import { IsMoney } from '../../common/http/money.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';

class AccountFieldsDto {
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  priceTierId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  accountManagerId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'EAST' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,20}$/, { message: 'defaultWarehouseCode must be a warehouse code like "EAST"' })
  defaultWarehouseCode?: string | null;

  @ApiPropertyOptional({ example: '25000.00' }) @IsOptional() @IsMoney() creditLimit?: string;
  @ApiPropertyOptional({ enum: PAYMENT_TERMS })
  @IsOptional()
  @IsIn(PAYMENT_TERMS)
  paymentTerms?: PaymentTerms;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() requiresPo?: boolean;
}

export class UpdateAccountDto extends AccountFieldsDto implements UpdateAccountRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
}

export class CreateAccountDto extends AccountFieldsDto implements CreateAccountRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,29}$/, { message: 'code must be 2-30 capital letters, digits, - or _' })
  code: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class AccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() accountManagerId?: string;
}
