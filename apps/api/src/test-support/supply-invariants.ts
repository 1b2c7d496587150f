import type { TestApp } from './test-app';

/**
 * Every invariant of one product's supply at a warehouse, from the rows
 * themselves: no unit reserved or allocated twice, none past what there is.
 */
export async function expectConsistentSupply(t: TestApp, productId: string, warehouseCode: string) {
  const [stock] = (await t.dataSource.query(
    `SELECT s.on_hand AS "onHand", s.reserved,
            (SELECT coalesce(sum(l.reserved_qty), 0)::int FROM order_lines l JOIN orders o ON o.id = l.order_id
              WHERE l.product_id = s.product_id AND o.warehouse_code = s.warehouse_code) AS "linesReserved"
       FROM stock s WHERE s.product_id = $1 AND s.warehouse_code = $2`,
    [productId, warehouseCode],
  )) as { onHand: number; reserved: number; linesReserved: number }[];
  expect(stock?.reserved).toBe(stock?.linesReserved);
  expect(stock?.reserved).toBeLessThanOrEqual(stock?.onHand ?? 0);
  const receipts = (await t.dataSource.query(
    `SELECT i.qty, i.allocated, i.status,
            (SELECT coalesce(sum(a.qty), 0)::int FROM order_line_allocations a WHERE a.inbound_id = i.id) AS promised
       FROM inbound i WHERE i.product_id = $1`,
    [productId],
  )) as { qty: number; allocated: number; status: string; promised: number }[];
  for (const receipt of receipts) {
    expect(receipt.allocated).toBeLessThanOrEqual(receipt.qty);
    expect(receipt.promised).toBe(receipt.status === 'expected' ? receipt.allocated : 0);
  }
  const lines = (await t.dataSource.query(
    `SELECT l.quantity, l.reserved_qty AS reserved, l.allocated_qty AS allocated, l.backordered_qty AS backordered,
            o.status,
            (SELECT coalesce(sum(a.qty), 0)::int FROM order_line_allocations a WHERE a.order_line_id = l.id) AS promised
       FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = $1`,
    [productId],
  )) as {
    quantity: number;
    reserved: number;
    allocated: number;
    backordered: number;
    status: string;
    promised: number;
  }[];
  for (const line of lines) {
    expect(line.allocated).toBe(line.promised);
    const held = line.reserved + line.allocated + line.backordered;
    expect(held).toBe(line.status === 'cancelled' ? 0 : line.quantity);
  }
  return { stock, receipts, lines };
}
