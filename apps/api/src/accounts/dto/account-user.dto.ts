import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  CreateAccountUserRequest,
  CUSTOMER_ROLES,
  CustomerRole,
  UpdateAccountUserRequest,
} from '@tradecounter/contracts';
import { IsMoney } from '../../common/http/money.validator';
import { ApiNewPassword, ApiNewPasswordOptional, IsNewPassword } from '../../users/password.validator';

export class CreateAccountUserDto implements CreateAccountUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ enum: CUSTOMER_ROLES }) @IsIn(CUSTOMER_ROLES) role: CustomerRole;
  @ApiNewPassword() @IsNewPassword() password: string;
  @ApiPropertyOptional({
    nullable: true,
    example: '5000.00',
    description: 'Orders above it wait for approval',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsMoney()
  orderLimit?: string | null;
}

export class UpdateAccountUserDto implements UpdateAccountUserRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_ROLES }) @IsOptional() @IsIn(CUSTOMER_ROLES) role?: CustomerRole;
  @ApiNewPasswordOptional() @IsOptional() @IsNewPassword() password?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsMoney()
  orderLimit?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
