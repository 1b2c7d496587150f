import type { Client, PoolClient } from 'pg';

export interface HistoryCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Consistency of the orders (of some accounts, or all): units shipped match
 * the shipment lines, no line ships more than ordered, shipped and delivered
 * orders shipped everything, the rollups equal a direct GROUP BY (the monthly
 * ones the sum of the daily ones), and credit
 * exposure equals the direct sum of unpaid orders.
 */
export async function checkHistory(db: Client | PoolClient, accountIds?: string[]): Promise<HistoryCheck[]> {
  const scope = accountIds ?? null;
  const one = async (sql: string) => (await db.query(sql, [scope])).rows[0] as Record<string, string>;
  const inScope = (alias: string) => `($1::uuid[] IS NULL OR ${alias}.account_id = ANY($1))`;

  const counts = await one(
    `SELECT (SELECT count(*) FROM orders o WHERE ${inScope('o')}) AS orders,
            (SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE ${inScope('o')}) AS lines,
            (SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE ${inScope('o')}) AS shipments,
            (SELECT count(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE ${inScope('o')}) AS events`,
  );
  const shipped = await one(
    `SELECT (SELECT coalesce(sum(l.shipped_qty), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
              WHERE ${inScope('o')}) AS lines,
            (SELECT coalesce(sum(x.quantity), 0) FROM shipment_lines x JOIN order_lines l ON l.id = x.order_line_id
               JOIN orders o ON o.id = l.order_id WHERE ${inScope('o')}) AS shipments`,
  );
  const over = await one(
    `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE ${inScope('o')} AND (l.shipped_qty > l.quantity OR l.shipped_qty <> coalesce(
        (SELECT sum(x.quantity) FROM shipment_lines x WHERE x.order_line_id = l.id), 0))`,
  );
  const unshipped = await one(
    `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE ${inScope('o')} AND o.status IN ('shipped', 'delivered') AND l.shipped_qty <> l.quantity`,
  );
  const rollup = await one(
    `WITH direct AS (
       SELECT report_day(o.placed_at) AS day, o.account_id, o.channel, count(*)::int AS orders,
              coalesce(sum((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = o.id)), 0)::bigint AS units,
              sum(o.subtotal) AS net_sales
         FROM orders o WHERE o.status NOT IN ('cancelled', 'rejected') AND ${inScope('o')} GROUP BY 1, 2, 3
     ), kept AS (
       SELECT day, account_id, channel, orders, units, net_sales FROM sales_by_day r
        WHERE ${inScope('r')} AND (orders <> 0 OR units <> 0 OR net_sales <> 0)
     )
     SELECT (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM kept) a) +
            (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM direct) b) AS n,
            (SELECT count(*) FROM kept) AS rows`,
  );
  const productRollup = await one(
    `WITH direct AS (
       SELECT report_day(o.placed_at) AS day, o.account_id, o.channel, l.product_id, count(*)::int AS orders,
              sum(l.quantity)::bigint AS units, sum(l.line_total) AS net_sales
         FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.status NOT IN ('cancelled', 'rejected') AND ${inScope('o')} GROUP BY 1, 2, 3, 4
     ), kept AS (
       SELECT day, account_id, channel, product_id, orders, units, net_sales FROM sales_by_day_product r
        WHERE ${inScope('r')} AND (orders <> 0 OR units <> 0 OR net_sales <> 0)
     )
     SELECT (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM kept) a) +
            (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM direct) b) AS n,
            (SELECT count(*) FROM kept) AS rows`,
  );
  const monthly = await one(
    `WITH direct AS (
       SELECT date_trunc('month', d.day::timestamp)::date AS month, d.account_id, d.channel,
              sum(d.orders)::int AS orders, sum(d.units)::bigint AS units, sum(d.net_sales) AS net_sales
         FROM sales_by_day d WHERE ${inScope('d')} GROUP BY 1, 2, 3
       HAVING sum(d.orders) <> 0 OR sum(d.units) <> 0 OR sum(d.net_sales) <> 0
     ), kept AS (
       SELECT month, account_id, channel, orders, units, net_sales FROM sales_by_month r
        WHERE ${inScope('r')} AND (orders <> 0 OR units <> 0 OR net_sales <> 0)
     )
     SELECT (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM kept) a) +
            (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM direct) b) AS n,
            (SELECT count(*) FROM kept) AS rows`,
  );
  const exposure = await one(
    `WITH direct AS (
       SELECT account_id, sum(subtotal) AS exposure FROM orders o
        WHERE paid_at IS NULL AND status NOT IN ('cancelled', 'rejected') AND ${inScope('o')} GROUP BY 1
     ), kept AS (SELECT account_id, exposure FROM account_exposure e WHERE ${inScope('e')} AND exposure <> 0)
     SELECT (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM kept) a) +
            (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM direct) b) AS n,
            (SELECT coalesce(sum(exposure), 0) FROM direct) AS total`,
  );
  return [
    {
      name: 'rows',
      ok: Number(counts['orders']) > 0,
      detail: `${counts['orders']} orders, ${counts['lines']} lines, ${counts['shipments']} shipments, ${counts['events']} events`,
    },
    {
      name: 'shipped = shipment lines',
      ok: shipped['lines'] === shipped['shipments'],
      detail: `sum(shipped_qty) ${shipped['lines']}, sum(shipment_lines.quantity) ${shipped['shipments']}`,
    },
    { name: 'no line over-shipped', ok: over['n'] === '0', detail: `${over['n']} lines differ` },
    {
      name: 'shipped orders shipped all',
      ok: unshipped['n'] === '0',
      detail: `${unshipped['n']} lines short`,
    },
    {
      name: 'sales_by_day = GROUP BY',
      ok: rollup['n'] === '0',
      detail: `${rollup['rows']} rows, ${rollup['n']} differ`,
    },
    {
      name: 'sales_by_day_product = GROUP BY',
      ok: productRollup['n'] === '0',
      detail: `${productRollup['rows']} rows, ${productRollup['n']} differ`,
    },
    {
      name: 'sales_by_month = sum of sales_by_day',
      ok: monthly['n'] === '0',
      detail: `${monthly['rows']} rows, ${monthly['n']} differ`,
    },
    {
      name: 'exposure = unpaid orders',
      ok: exposure['n'] === '0',
      detail: `total ${exposure['total']}, ${exposure['n']} accounts differ`,
    },
  ];
}
