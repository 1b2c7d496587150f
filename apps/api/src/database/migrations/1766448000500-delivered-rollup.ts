import { MigrationInterface, QueryRunner } from 'typeorm';
import { DELIVERED_ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';

/**
 * delivered_by_day (reports/rollup.entities.ts): units on delivered
 * shipments per delivery day, account, channel and product, so the return
 * rate reads a period's deliveries from a primary-key range instead of
 * joining every shipment line of the period to its order line and order
 * (about 1 s for a month of 320,000 orders a year, growing with the history).
 *
 * Kept like the other rollups (1764892800000): statement-level triggers in
 * the same transaction as the change, upserting in key order so concurrent
 * writers never deadlock. A shipment's delivery time being set adds its
 * units on that day (moved, they move; cleared, they leave); lines added to
 * a shipment already delivered add theirs. An order's account, channel and
 * lines never change once shipped (tests that move them rebuild).
 */
export class DeliveredRollup1766448000500 implements MigrationInterface {
  name = 'DeliveredRollup1766448000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "delivered_by_day" ("day" date NOT NULL, "account_id" uuid NOT NULL, "channel" text NOT NULL, "product_id" uuid NOT NULL, "units" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_delivered_by_day" PRIMARY KEY ("day", "account_id", "channel", "product_id"))`);
    await queryRunner.query(`CREATE INDEX "delivered_by_day_account_idx" ON "delivered_by_day" ("account_id", "day") `);

    await queryRunner.query(`
CREATE FUNCTION delivered_shipments_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivered_by_day AS r (day, account_id, channel, product_id, units)
  SELECT c.day, o.account_id, o.channel, l.product_id, sum(c.sign * sl.quantity)
    FROM after a JOIN before b ON b.id = a.id
   CROSS JOIN LATERAL (VALUES (report_day(a.delivered_at), 1), (report_day(b.delivered_at), -1)) c (day, sign)
    JOIN shipment_lines sl ON sl.shipment_id = a.id
    JOIN order_lines l ON l.id = sl.order_line_id
    JOIN orders o ON o.id = a.order_id
   WHERE a.delivered_at IS DISTINCT FROM b.delivered_at AND c.day IS NOT NULL
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, product_id) DO UPDATE SET units = r.units + EXCLUDED.units;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER shipments_delivered_update AFTER UPDATE ON shipments
      REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION delivered_shipments_updated()`);

    await queryRunner.query(`
CREATE FUNCTION delivered_shipment_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivered_by_day AS r (day, account_id, channel, product_id, units)
  SELECT report_day(s.delivered_at), o.account_id, o.channel, l.product_id, sum(n.quantity)
    FROM inserted n
    JOIN shipments s ON s.id = n.shipment_id
    JOIN order_lines l ON l.id = n.order_line_id
    JOIN orders o ON o.id = s.order_id
   WHERE s.delivered_at IS NOT NULL
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, account_id, channel, product_id) DO UPDATE SET units = r.units + EXCLUDED.units;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER shipment_lines_delivered_insert AFTER INSERT ON shipment_lines
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION delivered_shipment_lines_inserted()`);

    for (const sql of DELIVERED_ROLLUP_REBUILD_SQL) await queryRunner.query(sql, [null]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER shipment_lines_delivered_insert ON shipment_lines`);
    await queryRunner.query(`DROP TRIGGER shipments_delivered_update ON shipments`);
    await queryRunner.query(`DROP FUNCTION delivered_shipment_lines_inserted()`);
    await queryRunner.query(`DROP FUNCTION delivered_shipments_updated()`);
    await queryRunner.query(`DROP TABLE "delivered_by_day"`);
  }
}
