import { EntityManager } from 'typeorm';
import { creditLineAmounts, formatMoney } from '@tradecounter/domain';

const DAY_MS = 86_400_000;

/**
 * So the portal has returns to show: one order of buyer@acme.test,
 * delivered three days ago (3 lines), with a credited return (RMA-000001:
 * 2 units of line 1, damaged, received and restocked, credit note
 * CN-000001) and a requested one (RMA-000002: 1 unit of line 2, defective);
 * line 3 is still returnable in full. Written as rows (the order's events
 * without outbox rows: nothing is announced for demo data).
 */
export async function seedDemoReturns(tx: EntityManager, currency: string, now = new Date()): Promise<void> {
  const [who] = (await tx.query(
    `SELECT b.id AS buyer, b.account_id AS "accountId", a.default_warehouse_code AS warehouse,
            (SELECT id FROM users WHERE role = 'account_manager' ORDER BY email LIMIT 1) AS am,
            (SELECT id FROM users WHERE role = 'warehouse' ORDER BY email LIMIT 1) AS "warehouseUser"
       FROM users b JOIN accounts a ON a.id = b.account_id WHERE b.email = 'buyer@acme.test'`,
  )) as { buyer: string; accountId: string; warehouse: string | null; am: string; warehouseUser: string }[];
  if (!who) return;
  const warehouse = who.warehouse ?? 'CHI';
  const [address] = (await tx.query(
    `SELECT id, label, line1, line2, city, region, postcode, country FROM addresses
      WHERE account_id = $1 ORDER BY created_at, id LIMIT 1`,
    [who.accountId],
  )) as Record<string, string | null>[];
  const products = (await tx.query(
    `SELECT p.id, p.sku, p.name, p.list_price::text AS price FROM products p
       JOIN stock s ON s.product_id = p.id AND s.warehouse_code = $1
      WHERE p.active AND s.on_hand >= 20 ORDER BY p.sku LIMIT 3`,
    [warehouse],
  )) as { id: string; sku: string; name: string; price: string }[];
  if (!address || products.length < 3) return;

  const placedAt = new Date(now.getTime() - 7 * DAY_MS);
  const deliveredAt = new Date(now.getTime() - 3 * DAY_MS);
  const shipDate = new Date(now.getTime() - 4 * DAY_MS).toISOString().slice(0, 10);
  const quantities = [10, 6, 4];
  const lines = products.map((product, index) => {
    const quantity = quantities[index] ?? 1;
    const total = creditLineAmounts(quantity, product.price, '0').gross;
    return { ...product, quantity, total, lineNo: index + 1 };
  });
  const subtotal = formatMoney(lines.reduce((sum, line) => sum + line.total, 0n));

  // Demo history announces nothing: no outbox rows for these events.
  await tx.query(`SELECT set_config('tradecounter.outbox', 'off', true)`);
  const [order] = (await tx.query(
    `INSERT INTO orders (number, account_id, placed_by, channel, status, po_number, shipping_address_id,
                         shipping_address, ship_complete, warehouse_code, subtotal, currency, placed_at)
     SELECT 'SO-' || lpad(n::text, greatest(6, length(n::text)), '0'), $1, $2, 'portal', 'delivered', 'PO-RET-1',
            $3, $4::jsonb, false, $5, $6::numeric, $8, $7
       FROM nextval('order_number_seq') AS n
     RETURNING id, number`,
    [
      who.accountId,
      who.buyer,
      address['id'],
      JSON.stringify(address),
      warehouse,
      subtotal,
      placedAt,
      currency,
    ],
  )) as { id: string; number: string }[];
  if (!order) return;
  const orderLines = (await tx.query(
    `INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price, line_total, promise,
                              first_promised_date, current_promised_date, reserved_qty, reserved_at_placement,
                              allocated_qty, backordered_qty, shipped_qty, list_price, price_source)
     SELECT $1, x.line_no, x.product_id, x.sku, x.name, x.quantity, x.price, x.total,
            jsonb_build_object('splits', jsonb_build_array(jsonb_build_object(
              'qty', x.quantity, 'shipDate', $2::text, 'deliveryDate', $3::text, 'source', 'stock'))),
            $3::date, $3::date, 0, x.quantity, 0, 0, x.quantity, x.price, 'list'
       FROM jsonb_to_recordset($4::jsonb) AS x(line_no int, product_id uuid, sku text, name text, quantity int,
            price numeric, total numeric)
     RETURNING id, line_no AS "lineNo", product_id AS "productId", unit_price::text AS "unitPrice"`,
    [
      order.id,
      shipDate,
      deliveredAt.toISOString().slice(0, 10),
      JSON.stringify(
        lines.map((line) => ({
          line_no: line.lineNo,
          product_id: line.id,
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          price: line.price,
          total: formatMoney(line.total),
        })),
      ),
    ],
  )) as { id: string; lineNo: number; productId: string; unitPrice: string }[];
  const lineOf = (lineNo: number) => orderLines.find((line) => line.lineNo === lineNo);
  const [shipment] = (await tx.query(
    `INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at, shipped_by)
     VALUES ($1, 'UPS', '1Z999AA10123456784', $2, $3) RETURNING id`,
    [order.id, new Date(deliveredAt.getTime() - DAY_MS), who.warehouseUser],
  )) as { id: string }[];
  await tx.query(
    // Shipped on the promised day (set here: the history load may have left triggers off).
    `INSERT INTO shipment_lines (shipment_id, order_line_id, quantity, promised_ship_date, ship_error_days)
     SELECT $1, id, quantity, $3::date, 0 FROM order_lines WHERE order_id = $2`,
    [shipment?.id, order.id, shipDate],
  );
  // Delivered after its lines are on it, as the app records it: the delivery rollups count a
  // shipment's lines when its delivery is set.
  await tx.query(`UPDATE shipments SET delivered_at = $2 WHERE id = $1`, [shipment?.id, deliveredAt]);
  await tx.query(
    `INSERT INTO order_events (order_id, at, actor_id, kind, from_status, to_status)
     VALUES ($1, $2, $3, 'placed', NULL, 'confirmed'), ($1, $4, $5, 'delivered', 'shipped', 'delivered')`,
    [order.id, placedAt, who.buyer, deliveredAt, who.warehouseUser],
  );

  // RMA-000001: 2 units of line 1, damaged (no fee), received and restocked, credited.
  const first = lineOf(1);
  const second = lineOf(2);
  if (!first || !second) return;
  const credit = creditLineAmounts(2, first.unitPrice, '0');
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const credited = await insertReturn(tx, order.id, who.accountId, who.buyer, 'credited', at(2.5), {
    orderLineId: first.id,
    productId: first.productId,
    quantity: 2,
    reason: 'damaged',
    note: 'Two boxes arrived crushed.',
    unitPrice: first.unitPrice,
    received: 2,
  });
  const [{ n }] = (await tx.query(`SELECT nextval('credit_note_number_seq') AS n`)) as [{ n: string }];
  const noteNumber = `CN-${n.padStart(6, '0')}`;
  const total = formatMoney(credit.total);
  const [note] = (await tx.query(
    `INSERT INTO credit_notes (number, return_id, account_id, order_id, issued_at, subtotal, fee, total, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::numeric, $8::numeric, $9) RETURNING id`,
    [
      noteNumber,
      credited.id,
      who.accountId,
      order.id,
      new Date(now.getTime() - DAY_MS),
      formatMoney(credit.gross),
      formatMoney(credit.fee),
      total,
      who.warehouseUser,
    ],
  )) as { id: string }[];
  await tx.query(
    `INSERT INTO credit_note_lines (credit_note_id, account_id, return_line_id, quantity, unit_price, gross, fee_percent,
                                    fee, total)
     VALUES ($1, $7, $2, 2, $3::numeric, $4::numeric, 0, $5::numeric, $6::numeric)`,
    [
      note?.id,
      credited.lineId,
      first.unitPrice,
      formatMoney(credit.gross),
      formatMoney(credit.fee),
      total,
      who.accountId,
    ],
  );
  const [receipt] = (await tx.query(
    `INSERT INTO return_receipts (return_id, account_id, actor_id, received_at, credit_note_id)
     VALUES ($1, $5, $2, $3, $4) RETURNING id`,
    [credited.id, who.warehouseUser, new Date(now.getTime() - DAY_MS), note?.id, who.accountId],
  )) as { id: string }[];
  await tx.query(
    `INSERT INTO return_receipt_lines (receipt_id, account_id, return_line_id, quantity, condition)
     VALUES ($1, $3, $2, 2, 'restock')`,
    [receipt?.id, credited.lineId, who.accountId],
  );
  await tx.query(`UPDATE stock SET on_hand = on_hand + 2 WHERE product_id = $1 AND warehouse_code = $2`, [
    first.productId,
    warehouse,
  ]);
  await tx.query(
    `INSERT INTO return_events (return_id, account_id, at, actor_id, kind, from_status, to_status, reason, data) VALUES
       ($1, $10, $2, $3, 'requested', NULL, 'requested', NULL, NULL),
       ($1, $10, $4, $5, 'approved', 'requested', 'approved', NULL, NULL),
       ($1, $10, $6, $7, 'received', 'approved', 'credited', NULL, $8::jsonb),
       ($1, $10, $6, $7, 'credit_note', NULL, NULL, NULL, $9::jsonb)`,
    [
      credited.id,
      at(2.5),
      who.buyer,
      at(2),
      who.am,
      at(1),
      who.warehouseUser,
      JSON.stringify({ lines: [{ returnLineId: credited.lineId, quantity: 2, condition: 'restock' }] }),
      JSON.stringify({ creditNote: { id: note?.id, number: noteNumber, total } }),
      who.accountId,
    ],
  );

  // RMA-000002: 1 unit of line 2, defective, waiting for a decision.
  const requested = await insertReturn(tx, order.id, who.accountId, who.buyer, 'requested', at(0.5), {
    orderLineId: second.id,
    productId: second.productId,
    quantity: 1,
    reason: 'defective',
    note: 'Does not close properly.',
    unitPrice: second.unitPrice,
    received: 0,
  });
  await tx.query(
    `INSERT INTO return_events (return_id, account_id, at, actor_id, kind, from_status, to_status)
     VALUES ($1, $4, $2, $3, 'requested', NULL, 'requested')`,
    [requested.id, at(0.5), who.buyer, who.accountId],
  );

  // The delivered order counts toward the exposure until paid; the credit note lowers it.
  await tx.query(
    `INSERT INTO account_exposure (account_id, exposure) VALUES ($1, greatest(0, $2::numeric - $3::numeric))
     ON CONFLICT (account_id) DO UPDATE
       SET exposure = greatest(0, account_exposure.exposure + $2::numeric - $3::numeric)`,
    [who.accountId, subtotal, total],
  );
  await tx.query(`SELECT set_config('tradecounter.outbox', 'on', true)`);
}

async function insertReturn(
  tx: EntityManager,
  orderId: string,
  accountId: string,
  buyer: string,
  status: 'requested' | 'credited',
  createdAt: Date,
  line: {
    orderLineId: string;
    productId: string;
    quantity: number;
    reason: string;
    note: string;
    unitPrice: string;
    received: number;
  },
): Promise<{ id: string; lineId: string }> {
  const [row] = (await tx.query(
    `INSERT INTO returns (number, order_id, account_id, status, opened_by, requested_by, created_at, updated_at)
     SELECT 'RMA-' || lpad(n::text, greatest(6, length(n::text)), '0'), $1, $2, $3, 'customer', $4, $5, $5
       FROM nextval('return_number_seq') AS n
     RETURNING id`,
    [orderId, accountId, status, buyer, createdAt],
  )) as { id: string }[];
  const [inserted] = (await tx.query(
    `INSERT INTO return_lines (return_id, account_id, line_no, order_line_id, product_id, quantity, reason, note,
                               unit_price, fee_percent, received, restocked, credited)
     VALUES ($1, $9, 1, $2, $3, $4, $5, $6, $7::numeric, 0, $8, $8, $8) RETURNING id`,
    [
      row?.id,
      line.orderLineId,
      line.productId,
      line.quantity,
      line.reason,
      line.note,
      line.unitPrice,
      line.received,
      accountId,
    ],
  )) as { id: string }[];
  return { id: row?.id ?? '', lineId: inserted?.id ?? '' };
}
