/**
 * demand_by_day: units ordered per day, warehouse, product and account, the
 * input of replenishment's average daily demand (domain.md, "Replenishment";
 * migration 1766361600000-demand-rollup). The same orders count as in the
 * sales rollups (neither cancelled nor rejected), by their placing day in
 * the deployment's time zone. Keyed by day first, so the last 90 days are
 * one range of the primary key; by account too, so it is rebuilt per
 * account like every other rollup. $1: the accounts (uuid[]) or NULL for all.
 */
export const DEMAND_ROLLUP_REBUILD_SQL: readonly string[] = [
  `DELETE FROM demand_by_day WHERE $1::uuid[] IS NULL OR account_id = ANY($1::uuid[])`,
  `INSERT INTO demand_by_day (day, warehouse_code, product_id, account_id, units)
   SELECT report_day(o.placed_at), o.warehouse_code, l.product_id, o.account_id, sum(l.quantity)
     FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status NOT IN ('cancelled', 'rejected')
      AND ($1::uuid[] IS NULL OR o.account_id = ANY($1::uuid[]))
    GROUP BY 1, 2, 3, 4`,
];
