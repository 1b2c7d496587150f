import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CreateInternalUserRequest,
  INTERNAL_ROLES,
  InternalRole,
  type SortDirection,
  UpdateInternalUserRequest,
  USER_SORT_FIELDS,
  type UserSortField,
} from '@tradecounter/contracts';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { OptionalField } from '../../common/http/field-decorators';
import { SortDirectionField, SortField } from '../../common/http/sort';
import { ApiNewPassword, ApiNewPasswordOptional, IsNewPassword } from '../password.validator';

export class CreateInternalUserDto implements CreateInternalUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ enum: INTERNAL_ROLES }) @IsIn(INTERNAL_ROLES) role: InternalRole;
  @ApiNewPassword() @IsNewPassword() password: string;
}

export class UpdateInternalUserDto implements UpdateInternalUserRequest {
  @ApiPropertyOptional() @OptionalField() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: INTERNAL_ROLES }) @OptionalField() @IsIn(INTERNAL_ROLES) role?: InternalRole;
  @ApiNewPasswordOptional() @OptionalField() @IsNewPassword() password?: string;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() active?: boolean;
}

export class InternalUserQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ enum: INTERNAL_ROLES }) @OptionalField() @IsIn(INTERNAL_ROLES) role?: InternalRole;
  @SortField(USER_SORT_FIELDS, 'name') sort?: UserSortField;
  @SortDirectionField() dir?: SortDirection;
}
