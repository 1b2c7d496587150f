/**
 * Every report rollup rebuilt from the orders, as the triggers of
 * migrations 1764892800000 and 1764979200000 would have built it. Each
 * statement takes $1: the accounts to rebuild (uuid[]), or NULL for all.
 * Used when the deployment's time zone changes, after a bulk load with
 * triggers off, and by the tests that prove triggers and rebuild agree.
 */
const ACCOUNTS = `($1::uuid[] IS NULL OR o.account_id = ANY($1::uuid[]))`;
const COUNTED = `o.status NOT IN ('cancelled', 'rejected')`;
const ROLLUP_TABLES = [
  'sales_by_day',
  'sales_by_day_product',
  'delivery_by_day',
  'cycle_time_by_day',
  'promise_accuracy_by_day',
  'backlog_by_day',
];

export const ROLLUP_REBUILD_SQL: readonly string[] = [
  ...ROLLUP_TABLES.map(
    (table) => `DELETE FROM ${table} WHERE $1::uuid[] IS NULL OR account_id = ANY($1::uuid[])`,
  ),
  `INSERT INTO sales_by_day (day, account_id, channel, orders, units, net_sales, list_total)
   SELECT report_day(o.placed_at), o.account_id, o.channel, count(*), coalesce(sum(l.units), 0),
          sum(o.subtotal), coalesce(sum(l.list_total), 0)
     FROM orders o
     LEFT JOIN LATERAL (SELECT sum(quantity) AS units, sum(list_price * quantity) AS list_total
                          FROM order_lines WHERE order_id = o.id) l ON true
    WHERE ${COUNTED} AND ${ACCOUNTS} GROUP BY 1, 2, 3`,
  `INSERT INTO sales_by_day_product (day, account_id, channel, product_id, orders, units, net_sales, list_total)
   SELECT report_day(o.placed_at), o.account_id, o.channel, l.product_id, count(*), sum(l.quantity),
          sum(l.line_total), sum(l.list_price * l.quantity)
     FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE ${COUNTED} AND ${ACCOUNTS} GROUP BY 1, 2, 3, 4`,
  `INSERT INTO delivery_by_day (day, account_id, channel, lines, lines_from_stock, delivered_lines, on_time_lines,
                                on_time_lines_current, shipped_orders, in_full_orders, delivered_orders, otif_orders,
                                otif_orders_current, ratings, rating_sum)
   SELECT report_day(o.placed_at), o.account_id, o.channel,
          coalesce(sum(f.lines) FILTER (WHERE ${COUNTED}), 0),
          coalesce(sum(f.lines_from_stock) FILTER (WHERE ${COUNTED}), 0),
          sum(f.delivered_lines), sum(f.on_time_lines), sum(f.on_time_lines_current),
          count(*) FILTER (WHERE o.status IN ('shipped', 'delivered')),
          count(*) FILTER (WHERE o.status IN ('shipped', 'delivered') AND f.in_full),
          count(*) FILTER (WHERE o.status = 'delivered'),
          count(*) FILTER (WHERE o.status = 'delivered' AND f.delivered_lines = f.lines AND f.on_time_lines = f.lines),
          count(*) FILTER (WHERE o.status = 'delivered' AND f.delivered_lines = f.lines
                                 AND f.on_time_lines_current = f.lines),
          count(r.score), coalesce(sum(r.score), 0)
     FROM orders o
     CROSS JOIN LATERAL order_delivery_facts(o.id) f
     LEFT JOIN delivery_ratings r ON r.order_id = o.id
    WHERE ${ACCOUNTS} GROUP BY 1, 2, 3`,
  `INSERT INTO cycle_time_by_day (day, account_id, channel, hours, orders)
   SELECT report_day(o.placed_at), o.account_id, o.channel, order_cycle_hours(o.id, o.placed_at), count(*)
     FROM orders o WHERE o.status IN ('shipped', 'delivered') AND ${ACCOUNTS} GROUP BY 1, 2, 3, 4`,
  `INSERT INTO promise_accuracy_by_day (day, account_id, channel, days_late, lines, units)
   SELECT report_day(o.placed_at), o.account_id, o.channel, sl.ship_error_days, count(*), sum(sl.quantity)
     FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN shipment_lines sl ON sl.order_line_id = l.id
    WHERE ${ACCOUNTS} GROUP BY 1, 2, 3, 4`,
  `INSERT INTO backlog_by_day (day, account_id, channel, orders, units, value)
   SELECT report_day(o.placed_at), o.account_id, o.channel, count(DISTINCT o.id),
          sum(l.quantity - l.shipped_qty), sum((l.quantity - l.shipped_qty) * l.unit_price)
     FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE ${COUNTED} AND l.shipped_qty < l.quantity AND ${ACCOUNTS} GROUP BY 1, 2, 3`,
];
