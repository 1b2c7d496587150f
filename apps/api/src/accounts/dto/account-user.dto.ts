import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CreateAccountUserRequest,
  CUSTOMER_ROLES,
  CustomerRole,
  UpdateAccountUserRequest,
} from '@tradecounter/contracts';
import { IsMoney } from '../../common/http/money.validator';
import { NullableField, OptionalField } from '../../common/http/field-decorators';

export class CreateAccountUserDto implements CreateAccountUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ enum: CUSTOMER_ROLES }) @IsIn(CUSTOMER_ROLES) role: CustomerRole;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiPropertyOptional({
    nullable: true,
    example: '5000.00',
    description: 'Orders above it wait for approval',
  })
  @NullableField()
  @IsMoney()
  orderLimit?: string | null;
}

export class UpdateAccountUserDto implements UpdateAccountUserRequest {
  @ApiPropertyOptional() @OptionalField() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_ROLES }) @OptionalField() @IsIn(CUSTOMER_ROLES) role?: CustomerRole;
  @ApiPropertyOptional({ minLength: 8 })
  @OptionalField()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @IsMoney()
  orderLimit?: string | null;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() active?: boolean;
}
