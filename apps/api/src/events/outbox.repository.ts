import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OutboxOrderEvent } from '@tradecounter/domain';
import { prepared } from '../database/prepared-statements';

export interface OutboxRow {
  id: string;
  payload: OutboxOrderEvent;
  attempts: number;
}

/** The oldest due rows that no other process holds. */
const CLAIM_SQL = prepared(
  'outbox_claim',
  `SELECT id::text, payload, attempts FROM outbox
        WHERE dispatched_at IS NULL AND available_at <= now()
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
);

/** Rows dispatched. */
const MARK_DISPATCHED_SQL = prepared(
  'outbox_mark_dispatched',
  `UPDATE outbox SET dispatched_at = now() WHERE id = ANY ($1::bigint[])`,
);

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The oldest undispatched rows no other process holds, locked until `tx` ends. */
  claim(tx: EntityManager, limit: number): Promise<OutboxRow[]> {
    return tx.query(CLAIM_SQL, [limit]) as Promise<OutboxRow[]>;
  }

  async markDispatched(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(MARK_DISPATCHED_SQL, [ids]);
  }

  /** A row whose dispatch failed waits before its next try, so it cannot hold up the rest. */
  async markFailed(id: string, error: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
              available_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id = $1 AND dispatched_at IS NULL`,
      [id, error, delayMs],
    );
  }

  /** When the next undispatched row becomes available, if any. */
  async nextAvailable(): Promise<Date | null> {
    const [row] = (await this.dataSource.query(
      `SELECT min(available_at) AS at FROM outbox WHERE dispatched_at IS NULL`,
    )) as { at: Date | null }[];
    return row?.at ?? null;
  }

  /** Dispatched rows are history once their deliveries and notifications exist. */
  async purgeDispatched(olderThanDays: number): Promise<number> {
    const result = (await this.dataSource.query(
      `DELETE FROM outbox WHERE dispatched_at < now() - make_interval(days => $1)`,
      [olderThanDays],
    )) as [unknown[], number];
    return result[1];
  }
}
