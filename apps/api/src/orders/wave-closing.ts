import type { EntityManager } from 'typeorm';

/** Statuses in which an order needs nothing more from its wave's pickers. */
export const WAVE_DONE_STATUSES = ['packed', 'shipped', 'delivered', 'cancelled', 'rejected'];

/**
 * A wave closes by itself once each of its orders is packed, shipped or
 * cancelled. Called in the transaction that moved an order on, after its
 * new status is written; the wave row is locked first so two orders of one
 * wave finishing at once cannot each miss the other (the second waits, then
 * reads the first one's committed status).
 */
export async function closeFinishedWaves(tx: EntityManager, orderId: string): Promise<void> {
  const waves = (await tx.query(
    `SELECT w.id FROM waves w JOIN wave_orders wo ON wo.wave_id = w.id
      WHERE wo.order_id = $1 AND wo.open AND w.status = 'open'
      ORDER BY w.id FOR UPDATE OF w`,
    [orderId],
  )) as { id: string }[];
  for (const wave of waves) {
    const closed = (await tx.query(
      `UPDATE waves w SET status = 'closed', closed_at = now()
        WHERE w.id = $1 AND w.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM wave_orders wo JOIN orders o ON o.id = wo.order_id
                           WHERE wo.wave_id = w.id AND o.status <> ALL($2::text[]))
        RETURNING w.id`,
      [wave.id, WAVE_DONE_STATUSES],
    )) as [unknown[], number];
    if (closed[1] > 0) await tx.query('UPDATE wave_orders SET open = false WHERE wave_id = $1', [wave.id]);
  }
}
