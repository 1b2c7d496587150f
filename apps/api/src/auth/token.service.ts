import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export interface AccessClaims {
  userId: string;
  tokenVersion: number;
  /** The session (refresh-token family) the token was issued in: signing out of it revokes the token. */
  sessionId: string;
}

/** Access tokens are short-lived HS256 JWTs; refresh tokens are opaque and stored hashed. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.jwt.secret);
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
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const { sub, ver, sid } = payload;
      if (typeof sub !== 'string' || typeof ver !== 'number' || typeof sid !== 'string') return undefined;
      return { userId: sub, tokenVersion: ver, sessionId: sid };
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
