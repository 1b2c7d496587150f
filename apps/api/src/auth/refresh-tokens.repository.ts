import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** What presenting a refresh token found. */
export type Consumed =
  | { outcome: 'rotated'; userId: string; tokenVersion: number; sessionId: string }
  /** Spent before: the token was copied, or replayed; its session must end. */
  | { outcome: 'reused'; sessionId: string }
  /** Unknown, expired, or of an ended session. */
  | { outcome: 'refused' };

@Injectable()
export class RefreshTokensRepository {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  async insert(
    token: Pick<RefreshTokenEntity, 'userId' | 'sessionId' | 'tokenHash' | 'tokenVersion' | 'expiresAt'>,
  ): Promise<void> {
    await this.tokens.insert(token);
  }

  /**
   * Marks a token used and returns it, atomically: of concurrent refreshes
   * with the same token exactly one wins the conditional UPDATE (the others
   * wait for its row lock, then find `used_at` set). A token whose session
   * was revoked never rotates, even one issued while the revocation ran.
   */
  async consume(tokenHash: string): Promise<Consumed> {
    const [rows] = (await this.tokens.query(
      `UPDATE refresh_tokens t SET used_at = now()
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND NOT EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = t.session_id)
        RETURNING t.user_id, t.token_version, t.session_id`,
      [tokenHash],
    )) as [{ user_id: string; token_version: number; session_id: string }[], number];
    const row = rows[0];
    if (row) {
      return {
        outcome: 'rotated',
        userId: row.user_id,
        tokenVersion: row.token_version,
        sessionId: row.session_id,
      };
    }
    // A statement of its own, so it sees a concurrent winner's commit.
    const spent = await this.tokens.findOne({ where: { tokenHash }, select: ['sessionId', 'usedAt'] });
    return spent?.usedAt ? { outcome: 'reused', sessionId: spent.sessionId } : { outcome: 'refused' };
  }

  /** The session a token (spent or not) belongs to. */
  async sessionOf(tokenHash: string): Promise<string | undefined> {
    const token = await this.tokens.findOne({ where: { tokenHash }, select: ['sessionId'] });
    return token?.sessionId;
  }

  async deleteExpired(): Promise<void> {
    await this.tokens.createQueryBuilder().delete().where("expires_at < now() - interval '1 day'").execute();
  }
}
