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
import { ApiNewPasswordOptional, IsNewPassword } from '../../users/password.validator';

export class CreateAccountUserDto implements CreateAccountUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ enum: CUSTOMER_ROLES }) @IsIn(CUSTOMER_ROLES) role: CustomerRole;
  /** Without one, the user is invited by e-mail to set their own. */
  @ApiNewPasswordOptional({ description: 'Leave out to invite the user by e-mail to set their own' })
  @OptionalField()
  @IsNewPassword()
  password?: string;
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
  @ApiNewPasswordOptional() @OptionalField() @IsNewPassword() password?: string;
  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @IsMoney()
  orderLimit?: string | null;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() active?: boolean;
}
