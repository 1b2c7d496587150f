import type { TestApp } from './test-app';

/**
 * Ships and delivers every unit of an order in one shipment delivered at
 * `deliveredAt`, as fulfilment would (reserved stock leaves the shelf, the
 * lines are shipped, the order delivered), without walking the warehouse
 * routes: return specs start from a delivered order.
 */
export async function deliverOrder(t: TestApp, orderId: string, deliveredAt = new Date()): Promise<void> {
  const shippedAt = new Date(deliveredAt.getTime() - 3_600_000);
  await t.dataSource.transaction(async (tx) => {
    await tx.query(
      `UPDATE stock s SET on_hand = s.on_hand - l.quantity, reserved = s.reserved - l.reserved_qty
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.order_id = $1 AND s.product_id = l.product_id AND s.warehouse_code = o.warehouse_code`,
      [orderId],
    );
    await tx.query(
      `UPDATE order_lines SET shipped_qty = quantity, reserved_qty = 0, allocated_qty = 0, backordered_qty = 0
        WHERE order_id = $1`,
      [orderId],
    );
    // In the order the app writes them (ship, then deliver): the delivery rollups' triggers
    // count a shipment's lines when its delivery is recorded, not lines added afterwards.
    const [shipment] = (await tx.query(
      `INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at)
       VALUES ($1, 'DHL', 'TRACK-' || substr(md5(random()::text), 1, 8), $2) RETURNING id`,
      [orderId, shippedAt],
    )) as { id: string }[];
    await tx.query(
      `INSERT INTO shipment_lines (shipment_id, order_line_id, quantity)
       SELECT $1, id, quantity FROM order_lines WHERE order_id = $2`,
      [shipment?.id, orderId],
    );
    await tx.query(`UPDATE orders SET status = 'shipped' WHERE id = $1`, [orderId]);
    await tx.query(`UPDATE shipments SET delivered_at = $2 WHERE id = $1`, [shipment?.id, deliveredAt]);
    await tx.query(`UPDATE orders SET status = 'delivered' WHERE id = $1`, [orderId]);
  });
}

/** The account's running credit exposure. */
export async function exposureOf(t: TestApp, accountId: string): Promise<string> {
  const [row] = (await t.dataSource.query(
    `SELECT exposure::text AS exposure FROM account_exposure WHERE account_id = $1`,
    [accountId],
  )) as { exposure: string }[];
  return row?.exposure ?? '0.00';
}
