/**
 * picks_by_day (warehouse velocity) rebuilt from the shipment lines, as the
 * trigger of migration 1766275200000 builds it: one pick per shipment line,
 * by warehouse, UTC day shipped and product. Used after a bulk load with
 * triggers off. Whole-table: a pick belongs to no single account's rebuild.
 */
export const PICKS_REBUILD_SQL: readonly string[] = [
  `DELETE FROM picks_by_day`,
  `INSERT INTO picks_by_day (warehouse_code, day, product_id, picks)
   SELECT o.warehouse_code, (s.shipped_at AT TIME ZONE 'UTC')::date, l.product_id, count(*)
     FROM shipment_lines sl
     JOIN shipments s ON s.id = sl.shipment_id
     JOIN orders o ON o.id = s.order_id
     JOIN order_lines l ON l.id = sl.order_line_id
    GROUP BY 1, 2, 3`,
];
