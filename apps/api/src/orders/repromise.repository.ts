import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PromiseChange, PromiseSplit } from '@tradecounter/contracts';
import type { IsoDate } from '@tradecounter/domain';

/** A line of an order that waits for a receipt, with every receipt it waits for. */
export interface WaitingLine {
  id: string;
  orderId: string;
  lineNo: number;
  sku: string;
  shipComplete: boolean;
  splits: PromiseSplit[];
  currentPromisedDate: IsoDate;
  /** Whether this line waits for the receipt that changed. */
  waits: boolean;
  /** Null expected date: received. */
  receipts: { expectedDate: IsoDate | null }[];
}

/**
 * Every line of the orders with a line waiting for the receipt (ship complete
 * dates a line by the whole order), and for the waiting ones the receipts
 * they wait for as they stand in this transaction.
 */
const LINES_SQL = `
WITH touched AS (
  SELECT DISTINCT l.order_id FROM order_line_allocations a JOIN order_lines l ON l.id = a.order_line_id
   WHERE a.inbound_id = $1
)
SELECT l.id, l.order_id AS "orderId", l.line_no AS "lineNo", l.sku, o.ship_complete AS "shipComplete",
       l.promise -> 'splits' AS splits, l.current_promised_date::text AS "currentPromisedDate",
       EXISTS (SELECT 1 FROM order_line_allocations w WHERE w.order_line_id = l.id AND w.inbound_id = $1) AS waits,
       (SELECT coalesce(json_agg(json_build_object(
                 'expectedDate', CASE WHEN i.status = 'received' THEN NULL ELSE i.expected_date::text END)), '[]')
          FROM order_line_allocations a JOIN inbound i ON i.id = a.inbound_id
         WHERE a.order_line_id = l.id) AS receipts
  FROM touched t JOIN orders o ON o.id = t.order_id JOIN order_lines l ON l.order_id = o.id
 ORDER BY l.order_id, l.line_no`;

const UPDATE_SQL = `
UPDATE order_lines l SET promise = jsonb_build_object('splits', v.splits), current_promised_date = v.current
  FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, splits jsonb, current date)
 WHERE l.id = v.id`;

const EVENTS_SQL = `
INSERT INTO order_events (order_id, actor_id, kind, reason, data)
SELECT v.order_id, $2, 'repromised', v.reason, v.data
  FROM jsonb_to_recordset($1::jsonb) AS v(order_id uuid, reason text, data jsonb)`;

export interface LinePromiseUpdate {
  id: string;
  splits: PromiseSplit[];
  current: IsoDate;
}

export interface RepromiseEvent {
  orderId: string;
  reason: string;
  changes: PromiseChange[];
}

@Injectable()
export class RepromiseRepository {
  linesWaitingOn(tx: EntityManager, inboundId: string): Promise<WaitingLine[]> {
    return tx.query(LINES_SQL, [inboundId]) as Promise<WaitingLine[]>;
  }

  /** New promises and their events, one statement each whatever the number of orders. */
  async save(
    tx: EntityManager,
    actorId: string,
    lines: LinePromiseUpdate[],
    events: RepromiseEvent[],
  ): Promise<void> {
    if (lines.length > 0) await tx.query(UPDATE_SQL, [JSON.stringify(lines)]);
    if (events.length > 0) {
      const rows = events.map((event) => ({
        order_id: event.orderId,
        reason: event.reason,
        data: { changes: event.changes },
      }));
      await tx.query(EVENTS_SQL, [JSON.stringify(rows), actorId]);
    }
  }
}
