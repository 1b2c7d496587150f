/**
 * delivered_by_day: units on delivered shipments per delivery day, account,
 * channel and product, the delivered side of the return rate (domain.md
 * "Returns and after-sales"; migration 1766448000500-delivered-rollup).
 * A delivery counts on the day its shipment was delivered, in the
 * deployment's time zone, whenever its order was placed. $1: the accounts
 * (uuid[]) or NULL for all.
 */
export const DELIVERED_ROLLUP_REBUILD_SQL: readonly string[] = [
  `DELETE FROM delivered_by_day WHERE $1::uuid[] IS NULL OR account_id = ANY($1::uuid[])`,
  `INSERT INTO delivered_by_day (day, account_id, channel, product_id, units)
   SELECT report_day(s.delivered_at), o.account_id, o.channel, l.product_id, sum(sl.quantity)
     FROM shipments s
     JOIN shipment_lines sl ON sl.shipment_id = s.id
     JOIN order_lines l ON l.id = sl.order_line_id
     JOIN orders o ON o.id = s.order_id
    WHERE s.delivered_at IS NOT NULL
      AND ($1::uuid[] IS NULL OR o.account_id = ANY($1::uuid[]))
    GROUP BY 1, 2, 3, 4`,
];
