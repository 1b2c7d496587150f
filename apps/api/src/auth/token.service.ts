import { Inject, Injectable } from '@nestjs/common';
import { createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export interface AccessClaims {
  userId: string;
  tokenVersion: number;
  /** The session (refresh-token family) the token was issued in: signing out of it revokes the token. */
  sessionId: string;
}

/** How many verified access tokens a process remembers (each a few hundred bytes). */
const VERIFIED_TOKENS = 10_000;

/**
 * Access tokens are short-lived HS256 JWTs; refresh tokens are opaque and stored hashed.
 *
 * A token's signature and claims are checked once per process: the same string
 * verifies the same way until it expires, so a verified token is remembered
 * with its expiry and later calls only check the clock. Whether its user and
 * session still stand is the guard's question, asked on every call.
 */
@Injectable()
export class TokenService {
  /** A key object made once; given bytes, jose would make one on every call. */
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(new TextEncoder().encode(config.jwt.secret));
  }

  get accessTtlSeconds(): number {
    return this.config.jwt.accessTtlSeconds;
  }

  async signAccessToken(claims: AccessClaims): Promise<string> {
    return new SignJWT({ ver: claims.tokenVersion, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(this.config.jwt.issuer)
      .setAudience(this.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.config.jwt.accessTtlSeconds}s`)
      .sign(this.key);
  }

  /** Returns the claims of a valid token, or undefined for anything else (expired, forged, alg:none). */
  async verifyAccessToken(token: string): Promise<AccessClaims | undefined> {
    const known = this.verified.get(token);
    if (known) {
      // jose's rule: expired once the clock's whole seconds reach exp.
      if (Math.floor(Date.now() / 1000) < known.expiresAt) return known.claims;
      this.verified.delete(token);
      return undefined;
    }
    const checked = await this.verifySignedToken(token);
    if (checked) this.remember(token, checked.claims, checked.expiresAt);
    return checked?.claims;
  }

  private remember(token: string, claims: AccessClaims, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_TOKENS) {
      // Forget the oldest remembered; it verifies again if it comes back.
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expiresAt });
  }

  private async verifySignedToken(
    token: string,
  ): Promise<{ claims: AccessClaims; expiresAt: number } | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const { sub, ver, sid, exp } = payload;
      if (typeof sub !== 'string' || typeof ver !== 'number' || typeof sid !== 'string') return undefined;
      if (typeof exp !== 'number') return undefined;
      return { claims: { userId: sub, tokenVersion: ver, sessionId: sid }, expiresAt: exp };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
      throw error;
    }
  }

  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlDays * 86_400_000);
    return { token, hash: hashRefreshToken(token), expiresAt };
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
