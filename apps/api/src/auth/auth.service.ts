import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { LoginResponse, User } from '@tradecounter/contracts';
import { ProblemException } from '../common/http/problem';
import type { UserEntity } from '../users/user.entity';
import { toUser } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { InvitationsService } from '../users/invitations.service';
import { PasswordService } from '../users/password.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionRevocations } from './session-revocations';
import { hashRefreshToken, TokenService } from './token.service';

const BAD_CREDENTIALS = 'The email or password is not right';
const SESSION_ENDED = 'The session has ended; please sign in again';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: LoginThrottle,
    private readonly revocations: SessionRevocations,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * The same answer, in about the same time, for an unknown email and a wrong
   * password. `client` is the caller's key (loginClientKey) for throttling.
   */
  async login(email: string, password: string, client: string): Promise<LoginResponse> {
    const normalised = email.trim().toLowerCase();
    const { hasFailures } = await this.throttle.admit(normalised, client);
    const user = await this.users.findByEmail(normalised);
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(normalised, client);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
    }
    await this.throttle.recordSuccess(normalised, client, hasFailures);
    return this.issueTokens(user, randomUUID());
  }

  /**
   * Single use: a refresh token answers once, then a new pair of the same
   * session replaces it. A spent token presented again means a copy is
   * about (OAuth 2.0 Security BCP 4.14): the whole session ends, including
   * the tokens its legitimate holder has now.
   */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const consumed = await this.refreshTokens.consume(hashRefreshToken(refreshToken));
    if (consumed.outcome === 'reused') await this.revocations.revoke(consumed.sessionId, 'reuse');
    if (consumed.outcome !== 'rotated') throw new ProblemException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    const user = await this.users.findById(consumed.userId);
    if (!user || !user.active || user.tokenVersion !== consumed.tokenVersion) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    }
    return this.issueTokens(user, consumed.sessionId);
  }

  /** Ends the refresh token's session: its refresh and access tokens alike. */
  async logout(refreshToken: string): Promise<void> {
    const sessionId = await this.refreshTokens.sessionOf(hashRefreshToken(refreshToken));
    if (sessionId) await this.revocations.revoke(sessionId, 'logout');
  }

  /** Resolves a bearer token to the current user, or undefined if it no longer holds. */
  async authenticate(accessToken: string): Promise<AuthUser | undefined> {
    const claims = await this.tokens.verifyAccessToken(accessToken);
    if (!claims) return undefined;
    const [user, revoked] = await Promise.all([
      this.users.findForAuthentication(claims.userId),
      this.revocations.isRevoked(claims.sessionId),
    ]);
    if (!user || !user.active || user.tokenVersion !== claims.tokenVersion || revoked) return undefined;
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

  /** An invited user sets their password from the e-mailed link, and is signed in as by login. */
  async setPassword(token: string, password: string): Promise<LoginResponse> {
    const user = await this.invitations.redeem(token, password);
    return this.issueTokens(user, randomUUID());
  }

  /**
   * The signed-in user as the guard authenticated them on this request: the
   * user row it read (or its cache, which every process drops when the user
   * changes), so answering costs no further round trip.
   */
  me(actor: AuthUser): User {
    return {
      id: actor.id,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      accountId: actor.accountId,
    };
  }

  private async issueTokens(user: UserEntity, sessionId: string): Promise<LoginResponse> {
    const refresh = this.tokens.newRefreshToken();
    const [accessToken] = await Promise.all([
      this.tokens.signAccessToken({ userId: user.id, tokenVersion: user.tokenVersion, sessionId }),
      this.refreshTokens.insert({
        userId: user.id,
        sessionId,
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
