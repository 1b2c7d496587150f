import { uniqueTag } from './fixtures';
import type { TestApp } from './test-app';

/**
 * Purchasing rows a planning spec needs as givens: a supplier of its own,
 * a product's supply, and purchase orders in states (sent, received on
 * past days) that no route can backdate.
 */
export async function createSupplier(t: TestApp, leadTimeDays = 10): Promise<{ code: string; name: string }> {
  const tag = uniqueTag()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const supplier = { code: `S${tag}`.slice(0, 32), name: `Supplier ${tag}` };
  await t.dataSource.query(
    `INSERT INTO suppliers (code, name, email, lead_time_days) VALUES ($1, $2, $3, $4)`,
    [supplier.code, supplier.name, `orders-${tag.toLowerCase()}@supplier.test`, leadTimeDays],
  );
  return supplier;
}

export async function setSupply(
  t: TestApp,
  productId: string,
  supplierCode: string,
  fields: {
    packSize?: number;
    unitCost?: string;
    safetyDays?: number | null;
    reviewDays?: number | null;
  } = {},
): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO product_supply (product_id, supplier_code, supplier_sku, unit_cost, pack_size, safety_days, review_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      productId,
      supplierCode,
      `SUP-${uniqueTag()}`,
      fields.unitCost ?? '5.00',
      fields.packSize ?? 1,
      fields.safetyDays ?? null,
      fields.reviewDays ?? null,
    ],
  );
}

export interface GivenPurchaseLine {
  productId: string;
  warehouseCode: string;
  quantity: number;
  expectedDate: string | null;
  /** Receipts: units and when. */
  receipts?: { qty: number; at: string }[];
  closed?: number;
}

/** A purchase order as it stands after its history: status, lines, receipts (no inbound rows: not supply here). */
export async function givenPurchaseOrder(
  t: TestApp,
  supplierCode: string,
  status: 'draft' | 'sent' | 'partially_received' | 'received' | 'closed' | 'cancelled',
  lines: GivenPurchaseLine[],
): Promise<string> {
  const [order] = (await t.dataSource.query(
    `INSERT INTO purchase_orders (number, supplier_code, status, sent_at)
     VALUES ('PO-T' || nextval('purchase_order_number_seq'), $1, $2, CASE WHEN $2 = 'draft' THEN NULL ELSE now() END)
     RETURNING id`,
    [supplierCode, status],
  )) as { id: string }[];
  if (!order) throw new Error('no purchase order');
  for (const [index, line] of lines.entries()) {
    const received = (line.receipts ?? []).reduce((sum, receipt) => sum + receipt.qty, 0);
    const [row] = (await t.dataSource.query(
      `INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, warehouse_code, quantity, received,
                                         closed, unit_cost, expected_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 5.00, $8) RETURNING id`,
      [
        order.id,
        index + 1,
        line.productId,
        line.warehouseCode,
        line.quantity,
        received,
        line.closed ?? 0,
        line.expectedDate,
      ],
    )) as { id: string }[];
    for (const receipt of line.receipts ?? []) {
      await t.dataSource.query(
        `INSERT INTO purchase_receipts (purchase_order_line_id, quantity, received_at) VALUES ($1, $2, $3)`,
        [row?.id, receipt.qty, receipt.at],
      );
    }
  }
  return order.id;
}
