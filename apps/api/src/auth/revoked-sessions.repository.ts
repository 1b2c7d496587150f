import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { RevokedSessionEntity, SessionRevocationReason } from './revoked-session.entity';

@Injectable()
export class RevokedSessionsRepository {
  constructor(
    @InjectRepository(RevokedSessionEntity) private readonly sessions: Repository<RevokedSessionEntity>,
  ) {}

  /** Idempotent: a session revoked twice keeps its first reason. */
  async insert(sessionId: string, reason: SessionRevocationReason, expiresAt: Date): Promise<void> {
    await this.sessions
      .createQueryBuilder()
      .insert()
      .values({ sessionId, reason, expiresAt })
      .orIgnore()
      .execute();
  }

  /** One primary-key probe. */
  async isRevoked(sessionId: string): Promise<boolean> {
    return this.sessions.exists({ where: { sessionId } });
  }

  async deleteExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }
}
