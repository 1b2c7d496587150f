import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface NewShipment {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  shippedBy: string;
  lines: { orderLineId: string; quantity: number }[];
}

export interface LockedShipment {
  id: string;
  orderId: string;
  shippedAt: Date;
  deliveredAt: Date | null;
}

/**
 * A shipment, then its lines (whose promised ship date the database works
 * out on insert, from the shipment). Shipped at to the millisecond, as JSON
 * carries it: a delivery recorded at the very instant it shows is then
 * never "before it shipped".
 */
const INSERT_SHIPMENT_SQL = `
INSERT INTO shipments (order_id, carrier, tracking_number, shipped_by, shipped_at)
VALUES ($1, $2, $3, $4, date_trunc('milliseconds', now())) RETURNING id`;
const INSERT_SHIPMENT_LINES_SQL = `
INSERT INTO shipment_lines (shipment_id, order_line_id, quantity)
SELECT $1, v.id, v.qty FROM unnest($2::uuid[], $3::int[]) AS v(id, qty)`;

/** Packages, shipments, deliveries and ratings: what fulfilment writes besides the order's status. */
@Injectable()
export class ShipmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertPackages(tx: EntityManager, orderId: string, weights: (number | null)[]): Promise<void> {
    await tx.query('DELETE FROM order_packages WHERE order_id = $1', [orderId]);
    await tx.query(
      `INSERT INTO order_packages (order_id, package_no, weight_kg)
       SELECT $1, n, w FROM unnest($2::numeric[]) WITH ORDINALITY AS v(w, n)`,
      [orderId, weights],
    );
  }

  async insertShipment(tx: EntityManager, shipment: NewShipment): Promise<string> {
    const [row] = (await tx.query(INSERT_SHIPMENT_SQL, [
      shipment.orderId,
      shipment.carrier,
      shipment.trackingNumber,
      shipment.shippedBy,
    ])) as { id: string }[];
    if (!row) throw new Error('Inserting a shipment returned nothing');
    await tx.query(INSERT_SHIPMENT_LINES_SQL, [
      row.id,
      shipment.lines.map((line) => line.orderLineId),
      shipment.lines.map((line) => line.quantity),
    ]);
    return row.id;
  }

  /** The order a shipment belongs to (read before the order is locked). */
  async orderOf(shipmentId: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query('SELECT order_id AS "orderId" FROM shipments WHERE id = $1', [
      shipmentId,
    ])) as { orderId: string }[];
    return rows[0]?.orderId;
  }

  async lock(tx: EntityManager, shipmentId: string): Promise<LockedShipment | undefined> {
    const rows = (await tx.query(
      `SELECT id, order_id AS "orderId", shipped_at AS "shippedAt", delivered_at AS "deliveredAt"
         FROM shipments WHERE id = $1 FOR UPDATE`,
      [shipmentId],
    )) as LockedShipment[];
    return rows[0];
  }

  async markDelivered(tx: EntityManager, shipmentId: string, at: Date): Promise<void> {
    await tx.query('UPDATE shipments SET delivered_at = $2 WHERE id = $1', [shipmentId, at]);
  }

  /** Whether each of the order's shipments is delivered. */
  async deliveries(tx: EntityManager, orderId: string): Promise<{ delivered: boolean }[]> {
    return tx.query('SELECT delivered_at IS NOT NULL AS delivered FROM shipments WHERE order_id = $1', [
      orderId,
    ]) as Promise<{ delivered: boolean }[]>;
  }

  /** The one rating of an order; false when it was already rated. */
  async insertRating(
    orderId: string,
    rating: { score: number; comment: string | null; ratedBy: string },
  ): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO delivery_ratings (order_id, score, comment, rated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO NOTHING RETURNING 1`,
      [orderId, rating.score, rating.comment, rating.ratedBy],
    )) as unknown[];
    return rows.length > 0;
  }
}
