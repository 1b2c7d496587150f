import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CreateInternalUserRequest,
  INTERNAL_ROLES,
  InternalRole,
  UpdateInternalUserRequest,
} from '@tradecounter/contracts';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { ApiNewPassword, ApiNewPasswordOptional, IsNewPassword } from '../password.validator';

export class CreateInternalUserDto implements CreateInternalUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ enum: INTERNAL_ROLES }) @IsIn(INTERNAL_ROLES) role: InternalRole;
  @ApiNewPassword() @IsNewPassword() password: string;
}

export class UpdateInternalUserDto implements UpdateInternalUserRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: INTERNAL_ROLES }) @IsOptional() @IsIn(INTERNAL_ROLES) role?: InternalRole;
  @ApiNewPasswordOptional() @IsOptional() @IsNewPassword() password?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class InternalUserQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ enum: INTERNAL_ROLES }) @IsOptional() @IsIn(INTERNAL_ROLES) role?: InternalRole;
}
