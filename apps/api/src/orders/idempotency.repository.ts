import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared } from '../database/prepared-statements';

export interface StoredKey {
  requestHash: string;
  orderId: string | null;
}

/** Keys are kept at least this long… */
export const KEY_RETENTION_HOURS = 24;
/** …and pruned once older than this. */
export const KEY_PRUNE_AFTER_HOURS = 48;

/** The key's transaction lock, taken or not, and what the key already made. */
const CLAIM_SQL = prepared(
  'orders_claim_idempotency_key',
  `SELECT pg_try_advisory_xact_lock(hashtextextended($3, 0)) AS claimed,
              k.request_hash AS "requestHash", k.order_id AS "orderId"
         FROM (SELECT 1) AS one
         LEFT JOIN idempotency_keys k ON k.user_id = $1 AND k.key = $2`,
);

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this transaction, without waiting, and reads what
   * it already made. `claimed` is false while another request with the same
   * key is in flight. The claim ends with the transaction (commit, rollback
   * or a dead connection), so a request that never finished leaves nothing
   * behind. The read may miss a twin that committed in the instant between
   * this statement's snapshot and the claim; the key's primary key then
   * stops the second order at its insert (see OrderPlacementService).
   */
  async claim(
    tx: EntityManager,
    userId: string,
    key: string,
  ): Promise<{ claimed: boolean; stored?: StoredKey }> {
    const [row] = (await tx.query(CLAIM_SQL, [userId, key, `idempotency:${userId}:${key}`])) as {
      claimed: boolean;
      requestHash: string | null;
      orderId: string | null;
    }[];
    return {
      claimed: row?.claimed === true,
      stored: row?.requestHash ? { requestHash: row.requestHash, orderId: row.orderId } : undefined,
    };
  }

  /** Deletes keys past KEY_PRUNE_AFTER_HOURS; returns how many. */
  async prune(): Promise<number> {
    const result = (await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [KEY_PRUNE_AFTER_HOURS],
    )) as [unknown[], number];
    return result[1];
  }
}
