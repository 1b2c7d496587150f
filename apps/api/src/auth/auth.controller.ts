import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { LoginResponse, User } from '@tradecounter/contracts';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ANY_ROLE, CurrentUser, Public, Roles } from './decorators';
import { loginClientKey } from './login-client';
import { ChangePasswordDto, LoginDto, RefreshDto, SetPasswordDto } from './dto/login.dto';
import { ApiEmptyResult, ApiResult } from '../openapi/api-result';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @ApiResult('LoginResponse')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: an access token and a single-use refresh token',
    description:
      'Repeated failures for one e-mail from one client, or from one client across e-mails, ' +
      'impose a growing wait: 429 with Retry-After until it has passed.',
  })
  @ApiUnauthorizedResponse({ description: 'The e-mail or password is not right (the same answer for both)' })
  @ApiTooManyRequestsResponse({
    description: 'A wait is due after repeated failures; Retry-After gives the seconds',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, loginClientKey(request.ip));
  }

  @Post('auth/refresh')
  @ApiResult('LoginResponse')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'A refresh token already used ends its whole session (401): every token of that sign-in.',
  })
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired, spent (its session now ends) or of an ended session',
  })
  refresh(@Body() body: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @ApiEmptyResult()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token: its refresh and access tokens' })
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Post('auth/set-password')
  @ApiResult('LoginResponse')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: "Set your password from an invitation's link, and sign in",
    description:
      'The token is single use and expires after 7 days; a newer invitation replaces it. ' +
      'Answers a session like a sign-in.',
  })
  @ApiBadRequestResponse({
    description: 'The password breaks the rules, or the link has expired, was used or was replaced',
  })
  setPassword(@Body() body: SetPasswordDto): Promise<LoginResponse> {
    return this.auth.setPassword(body.token, body.password);
  }

  @Post('auth/password')
  @ApiEmptyResult()
  @Roles(...ANY_ROLE)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password; every other session ends' })
  changePassword(@CurrentUser() actor: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @ApiResult('User')
  @Roles(...ANY_ROLE)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The current user' })
  me(@CurrentUser() actor: AuthUser): User {
    return this.auth.me(actor);
  }
}
