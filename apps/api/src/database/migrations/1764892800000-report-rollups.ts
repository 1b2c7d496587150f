import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rebuilds both rollups from the orders (also used when the deployment's time zone changes). */
export const REBUILD_ROLLUPS_SQL = [
  `DELETE FROM sales_by_day`,
  `DELETE FROM sales_by_day_product`,
  `INSERT INTO sales_by_day (day, account_id, channel, orders, units, net_sales)
   SELECT report_day(o.placed_at), o.account_id, o.channel, count(*),
          coalesce(sum((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = o.id)), 0), sum(o.subtotal)
     FROM orders o WHERE o.status NOT IN ('cancelled', 'rejected') GROUP BY 1, 2, 3`,
  `INSERT INTO sales_by_day_product (day, account_id, channel, product_id, orders, units, net_sales)
   SELECT report_day(o.placed_at), o.account_id, o.channel, l.product_id, count(*), sum(l.quantity), sum(l.line_total)
     FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status NOT IN ('cancelled', 'rejected') GROUP BY 1, 2, 3, 4`,
];

/**
 * Sales rollups per day (see rollup.entities.ts), kept by statement-level
 * triggers: whatever code writes orders (placement's one statement, status
 * changes, a bulk load), the rollups change in the same transaction. Each
 * trigger upserts its rows in key order, so concurrent writers lock them
 * in one order and never deadlock one another.
 */
export class ReportRollups1764892800000 implements MigrationInterface {
  name = 'ReportRollups1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sales_by_day" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_3b11d4c326cfba8275699fec181" PRIMARY KEY ("day", "account_id", "channel"))`);
    await queryRunner.query(`CREATE INDEX "sales_by_day_account_idx" ON "sales_by_day" ("account_id", "day") `);
    await queryRunner.query(`CREATE TABLE "sales_by_day_product" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "product_id" uuid NOT NULL, "orders" integer NOT NULL DEFAULT '0', "units" bigint NOT NULL DEFAULT '0', "net_sales" numeric(16,2) NOT NULL DEFAULT '0', CONSTRAINT "PK_8966b6bc726994c5ad9772ad853" PRIMARY KEY ("day", "account_id", "channel", "product_id"))`);
    await queryRunner.query(`CREATE INDEX "sales_by_day_product_product_idx" ON "sales_by_day_product" ("product_id", "day") `);
    await queryRunner.query(`CREATE INDEX "sales_by_day_product_account_idx" ON "sales_by_day_product" ("account_id", "day") `);
    await queryRunner.query(`CREATE TABLE "report_settings" ("id" boolean NOT NULL DEFAULT true, "time_zone" text NOT NULL, CONSTRAINT "report_settings_one_row" CHECK (id), CONSTRAINT "PK_cef917acac0f6f539796737ecbb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "report_settings" ("id", "time_zone") VALUES (true, 'UTC')`);

    await queryRunner.query(`
CREATE FUNCTION report_day(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE coalesce((SELECT time_zone FROM report_settings), 'UTC'))::date
$$`);

    await queryRunner.query(`
CREATE FUNCTION rollup_orders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_by_day AS r (day, account_id, channel, orders, net_sales)
  SELECT report_day(n.placed_at), n.account_id, n.channel, count(*), sum(n.subtotal)
    FROM inserted n WHERE n.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, net_sales = r.net_sales + EXCLUDED.net_sales;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER orders_rollup_insert AFTER INSERT ON orders
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION rollup_orders_inserted()`);

    await queryRunner.query(`
CREATE FUNCTION rollup_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_by_day AS r (day, account_id, channel, units)
  SELECT report_day(o.placed_at), o.account_id, o.channel, sum(n.quantity)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE SET units = r.units + EXCLUDED.units;
  INSERT INTO sales_by_day_product AS r (day, account_id, channel, product_id, orders, units, net_sales)
  SELECT report_day(o.placed_at), o.account_id, o.channel, n.product_id, count(*), sum(n.quantity), sum(n.line_total)
    FROM inserted n JOIN orders o ON o.id = n.order_id
   WHERE o.status NOT IN ('cancelled', 'rejected')
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, product_id) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units,
         net_sales = r.net_sales + EXCLUDED.net_sales;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER order_lines_rollup_insert AFTER INSERT ON order_lines
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION rollup_lines_inserted()`);

    // An order that stops counting (cancelled, rejected) comes off both rollups; one that starts again goes back on.
    await queryRunner.query(`
CREATE FUNCTION rollup_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_by_day AS r (day, account_id, channel, orders, units, net_sales)
  SELECT report_day(a.placed_at), a.account_id, a.channel,
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END),
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END
             * coalesce((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = a.id), 0)),
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -a.subtotal ELSE a.subtotal END)
    FROM after a JOIN before b ON b.id = a.id
   WHERE (a.status IN ('cancelled', 'rejected')) <> (b.status IN ('cancelled', 'rejected'))
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, account_id, channel) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units,
         net_sales = r.net_sales + EXCLUDED.net_sales;
  INSERT INTO sales_by_day_product AS r (day, account_id, channel, product_id, orders, units, net_sales)
  SELECT report_day(a.placed_at), a.account_id, a.channel, l.product_id,
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -1 ELSE 1 END),
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -l.quantity ELSE l.quantity END),
         sum(CASE WHEN a.status IN ('cancelled', 'rejected') THEN -l.line_total ELSE l.line_total END)
    FROM after a JOIN before b ON b.id = a.id JOIN order_lines l ON l.order_id = a.id
   WHERE (a.status IN ('cancelled', 'rejected')) <> (b.status IN ('cancelled', 'rejected'))
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, product_id) DO UPDATE
     SET orders = r.orders + EXCLUDED.orders, units = r.units + EXCLUDED.units,
         net_sales = r.net_sales + EXCLUDED.net_sales;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER orders_rollup_update AFTER UPDATE ON orders
      REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION rollup_orders_updated()`);

    for (const sql of REBUILD_ROLLUPS_SQL) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER orders_rollup_update ON orders`);
    await queryRunner.query(`DROP TRIGGER order_lines_rollup_insert ON order_lines`);
    await queryRunner.query(`DROP TRIGGER orders_rollup_insert ON orders`);
    await queryRunner.query(`DROP FUNCTION rollup_orders_updated()`);
    await queryRunner.query(`DROP FUNCTION rollup_lines_inserted()`);
    await queryRunner.query(`DROP FUNCTION rollup_orders_inserted()`);
    await queryRunner.query(`DROP FUNCTION report_day(timestamptz)`);
    await queryRunner.query(`DROP TABLE "report_settings"`);
    await queryRunner.query(`DROP TABLE "sales_by_day_product"`);
    await queryRunner.query(`DROP TABLE "sales_by_day"`);
  }
}
