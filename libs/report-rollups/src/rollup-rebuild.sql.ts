import { DELIVERED_ROLLUP_REBUILD_SQL } from './delivered-rollup.sql';
import { DEMAND_ROLLUP_REBUILD_SQL } from './demand-rollup.sql';

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

export const REPORT_ROLLUP_REBUILD_SQL: readonly string[] = [
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
  // Set-based (one pass over lines and shipments), counting what order_delivery_facts counts per order.
  `WITH line_deliveries AS (
     SELECT sl.order_line_id,
            sum(sl.quantity) FILTER (WHERE s.delivered_at IS NOT NULL) AS delivered,
            max((s.delivered_at AT TIME ZONE w.time_zone)::date) AS last_on,
            count(*) AS shipments, sum(sl.quantity) AS shipped
       FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
       JOIN orders o ON o.id = s.order_id JOIN warehouses w ON w.code = o.warehouse_code
      WHERE ${ACCOUNTS}
      GROUP BY sl.order_line_id
   ), f AS (
     SELECT l.order_id, count(*) AS lines,
            count(*) FILTER (WHERE l.reserved_at_placement >= l.quantity) AS lines_from_stock,
            count(*) FILTER (WHERE d.delivered >= l.quantity) AS delivered_lines,
            count(*) FILTER (WHERE d.delivered >= l.quantity AND d.last_on <= l.first_promised_date) AS on_time_lines,
            count(*) FILTER (WHERE d.delivered >= l.quantity AND d.last_on <= l.current_promised_date)
              AS on_time_lines_current,
            bool_and(coalesce(d.shipments, 0) = 1 AND coalesce(d.shipped, 0) = l.quantity) AS in_full
       FROM order_lines l JOIN orders o ON o.id = l.order_id
       LEFT JOIN line_deliveries d ON d.order_line_id = l.id
      WHERE ${ACCOUNTS}
      GROUP BY l.order_id
   )
   INSERT INTO delivery_by_day (day, account_id, channel, lines, lines_from_stock, delivered_lines, on_time_lines,
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
     JOIN f ON f.order_id = o.id
     LEFT JOIN delivery_ratings r ON r.order_id = o.id
    WHERE ${ACCOUNTS} GROUP BY 1, 2, 3`,
  `INSERT INTO cycle_time_by_day (day, account_id, channel, hours, orders)
   SELECT report_day(o.placed_at), o.account_id, o.channel,
          floor(extract(epoch FROM s.last_shipped - o.placed_at) / 3600)::int, count(*)
     FROM orders o
     JOIN (SELECT order_id, max(shipped_at) AS last_shipped FROM shipments GROUP BY order_id) s ON s.order_id = o.id
    WHERE o.status IN ('shipped', 'delivered') AND ${ACCOUNTS} GROUP BY 1, 2, 3, 4`,
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

/**
 * Every rollup of the orders: the reports' and purchasing's demand
 * (migration 1766361600000), and the delivered units of the return rate
 * (migration 1766448000500). What a time-zone change, a bulk load or a
 * backdated order rebuilds. (Migration 1764979200000 runs only the report
 * rollups': the demand table did not exist yet.)
 */
export const ROLLUP_REBUILD_SQL: readonly string[] = [
  ...REPORT_ROLLUP_REBUILD_SQL,
  ...DEMAND_ROLLUP_REBUILD_SQL,
  ...DELIVERED_ROLLUP_REBUILD_SQL,
];
