import { HttpStatus, Injectable } from '@nestjs/common';
import type { LoginResponse, User } from '@tradecounter/contracts';
import { ProblemException } from '../common/http/problem';
import type { UserEntity } from '../users/user.entity';
import { toUser } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from '../users/password.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { hashRefreshToken, TokenService } from './token.service';

const BAD_CREDENTIALS = 'The email or password is not right';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  /** The same answer, in about the same time, for an unknown email and a wrong password. */
  async login(email: string, password: string, client: string): Promise<LoginResponse> {
    const normalised = email.trim().toLowerCase();
    const wait = this.throttle.retryAfterSeconds(normalised, client);
    if (wait > 0) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        `Too many failed sign-ins. Try again in ${wait} seconds.`,
        undefined,
        {
          'Retry-After': String(wait),
        },
      );
    }
    const user = await this.users.findByEmail(normalised);
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      this.throttle.recordFailure(normalised, client);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
    }
    this.throttle.recordSuccess(normalised);
    return this.issueTokens(user);
  }

  /** Single use: a refresh token answers once, then a new pair replaces it. */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const stored = await this.refreshTokens.consume(hashRefreshToken(refreshToken));
    const user = stored ? await this.users.findById(stored.userId) : null;
    if (!stored || !user || !user.active || user.tokenVersion !== stored.tokenVersion) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The session has ended; please sign in again');
    }
    return this.issueTokens(user);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.consume(hashRefreshToken(refreshToken));
  }

  /** Resolves a bearer token to the current user, or undefined if it no longer holds. */
  async authenticate(accessToken: string): Promise<AuthUser | undefined> {
    const claims = await this.tokens.verifyAccessToken(accessToken);
    if (!claims) return undefined;
    const user = await this.users.findForAuthentication(claims.userId);
    if (!user || !user.active || user.tokenVersion !== claims.tokenVersion) return undefined;
    return { id: user.id, role: user.role, accountId: user.accountId, email: user.email, name: user.name };
  }

  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user || !(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'The current password is not right', [
        { field: 'currentPassword', message: 'is not right' },
      ]);
    }
    await this.users.changeOwnPassword(actor, newPassword);
  }

  async me(actor: AuthUser): Promise<User> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The session has ended');
    return toUser(user);
  }

  private async issueTokens(user: UserEntity): Promise<LoginResponse> {
    const refresh = this.tokens.newRefreshToken();
    const [accessToken] = await Promise.all([
      this.tokens.signAccessToken({ userId: user.id, tokenVersion: user.tokenVersion }),
      this.refreshTokens.insert({
        userId: user.id,
        tokenHash: refresh.hash,
        tokenVersion: user.tokenVersion,
        expiresAt: refresh.expiresAt,
      }),
    ]);
    return {
      accessToken,
      expiresIn: this.tokens.accessTtlSeconds,
      refreshToken: refresh.token,
      user: toUser(user),
    };
  }
}
