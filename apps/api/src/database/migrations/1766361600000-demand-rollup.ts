import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEMAND_ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';

/**
 * demand_by_day (purchasing/demand-by-day.entity.ts): units ordered per
 * day, warehouse, product and account, so replenishment reads 90 days of
 * demand for every product and warehouse from a primary-key range (tens of
 * thousands of rows on a year of a million orders) instead of summing the
 * order lines. The sales rollups have no warehouse, hence a table of its own.
 *
 * Kept like the report rollups (1764892800000): statement-level triggers in
 * the same transaction as the order change, upserting in key order so
 * concurrent writers never deadlock; lines add their units when inserted;
 * an order that stops counting (cancelled, rejected) takes its units off,
 * one that starts again puts them back. Warehouse, product and quantity of
 * a placed order never change; a placing time only moves in tests, which
 * rebuild (test-support/order-fixtures.ts backdateOrder).
 */
export class DemandRollup1766361600000 implements MigrationInterface {
  name = 'DemandRollup1766361600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "demand_by_day" ("day" date NOT NULL, "warehouse_code" text NOT NULL, "product_id" uuid NOT NULL, "account_id" uuid NOT NULL, "units" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_2fa3dabcb27a6689195ba8fd81e" PRIMARY KEY ("day", "warehouse_code", "product_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "demand_by_day_account_idx" ON "demand_by_day" ("account_id", "day") `);

    await queryRunner.query(`
CREATE FUNCTION demand_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO demand_by_day AS r (day, warehouse_code, product_id, account_id, units)
  SELECT report_day(o.placed_at), o.warehouse_code, n.product_id, o.account_id, sum(n.quantity)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, warehouse_code, product_id, account_id) DO UPDATE SET units = r.units + EXCLUDED.units;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER order_lines_demand_insert AFTER INSERT ON order_lines
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION demand_lines_inserted()`);

    await queryRunner.query(`
CREATE FUNCTION demand_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO demand_by_day AS r (day, warehouse_code, product_id, account_id, units)
  SELECT report_day(a.placed_at), a.warehouse_code, l.product_id, a.account_id,
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -l.quantity ELSE l.quantity END)
    FROM after a JOIN before b ON b.id = a.id JOIN order_lines l ON l.order_id = a.id
   WHERE (a.status IN ('cancelled', 'rejected')) <> (b.status IN ('cancelled', 'rejected'))
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, warehouse_code, product_id, account_id) DO UPDATE SET units = r.units + EXCLUDED.units;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER orders_demand_update AFTER UPDATE ON orders
      REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION demand_orders_updated()`);

    for (const sql of DEMAND_ROLLUP_REBUILD_SQL) await queryRunner.query(sql, [null]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER orders_demand_update ON orders`);
    await queryRunner.query(`DROP TRIGGER order_lines_demand_insert ON order_lines`);
    await queryRunner.query(`DROP FUNCTION demand_orders_updated()`);
    await queryRunner.query(`DROP FUNCTION demand_lines_inserted()`);
    await queryRunner.query(`DROP TABLE "demand_by_day"`);
  }
}
