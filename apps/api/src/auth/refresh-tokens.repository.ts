import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  async insert(
    token: Pick<RefreshTokenEntity, 'userId' | 'tokenHash' | 'tokenVersion' | 'expiresAt'>,
  ): Promise<void> {
    await this.tokens.insert(token);
  }

  /**
   * Marks a token used and returns it, atomically: of two concurrent
   * refreshes with the same token only one succeeds.
   */
  async consume(tokenHash: string): Promise<RefreshTokenEntity | undefined> {
    const result = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where({ tokenHash, usedAt: IsNull() })
      .andWhere('expires_at > now()')
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row) return undefined;
    return { userId: row['user_id'], tokenVersion: row['token_version'] } as RefreshTokenEntity;
  }

  async deleteExpired(): Promise<void> {
    await this.tokens.createQueryBuilder().delete().where("expires_at < now() - interval '1 day'").execute();
  }
}
