import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeNotices, EVERYTHING } from '../common/change-notices';
import { TtlCache } from '../common/ttl-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { SessionRevocationReason } from './revoked-session.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RevokedSessionsRepository } from './revoked-sessions.repository';

/**
 * How long a process may answer from its cache whether a session is revoked.
 * A revocation evicts the session in every API process at once (the
 * 'session' change notice); this bounds the staleness only while a process
 * has lost its LISTEN connection (the same bound as a user's, see UserCache).
 */
export const REVOCATION_CACHE_MS = 2_000;
const PRUNE_EVERY_MS = 60_000;
/** Covers a rotation that raced the revocation and issued a token just after it. */
const REVOCATION_MARGIN_MS = 3_600_000;

/**
 * Sessions ended before their tokens expire. Every authenticated request asks
 * whether its token's session (`sid`) is revoked: answered from a short-lived
 * in-process cache, else by one primary-key probe of revoked_sessions.
 */
@Injectable()
export class SessionRevocations {
  private readonly cache = new TtlCache<string, boolean>(REVOCATION_CACHE_MS);
  private lastPruneAt = 0;

  constructor(
    private readonly revoked: RevokedSessionsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly dataSource: DataSource,
    private readonly changes: ChangeNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    changes.on('session', (id) => (id === EVERYTHING ? this.cache.clear() : this.cache.evict(id)));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.cache.getOrLoad(sessionId, () => this.revoked.isRevoked(sessionId))) ?? false;
  }

  /** Ends a session: its refresh tokens stop rotating, its access tokens are refused. */
  async revoke(sessionId: string, reason: SessionRevocationReason, now = Date.now()): Promise<void> {
    // Kept while any token of the session could still be presented: the newest refresh token lives this long.
    const expiresAt = new Date(now + this.config.jwt.refreshTtlDays * 86_400_000 + REVOCATION_MARGIN_MS);
    await this.revoked.insert(sessionId, reason, expiresAt);
    await this.changes.changed(this.dataSource.manager, 'session', sessionId);
    await this.pruneNowAndThen(now);
  }

  /** At most once a minute per process, on the (rare) revocation path. */
  private async pruneNowAndThen(now: number): Promise<void> {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    await Promise.all([this.revoked.deleteExpired(), this.refreshTokens.deleteExpired()]);
  }
}
