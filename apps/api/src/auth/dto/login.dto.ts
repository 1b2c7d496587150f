import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiNewPassword, IsNewPassword } from '../../users/password.validator';
import type {
  ChangePasswordRequest,
  LoginRequest,
  RefreshRequest,
  SetPasswordRequest,
} from '@tradecounter/contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'buyer@acme.test' })
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo1234' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiNewPassword()
  @IsNewPassword()
  newPassword: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty({ description: "The token from the invitation's link (its `token` parameter)" })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @ApiNewPassword() @IsNewPassword() password: string;
}
