import { MigrationInterface, QueryRunner } from 'typeorm';
import { PICKS_REBUILD_SQL } from '@tradecounter/report-rollups';

/**
 * The warehouse (issue 16): product barcodes and case barcodes, waves (pick
 * lists across orders, numbered from wave_number_seq) and the orders in them
 * (a partial unique index keeps an order in at most one open wave, under
 * races too), short picks, the check step's confirmed units and refused
 * scans, and picks per warehouse, day and product for velocity (kept by a
 * trigger on shipment_lines).
 */
export class Warehouse1766275200000 implements MigrationInterface {
  name = 'Warehouse1766275200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "wave_number_seq"`);
    // Bins sort naturally (A-2 before A-10): digits compare as numbers.
    await queryRunner.query(`CREATE COLLATION "natural_bins" (provider = icu, locale = 'und-u-kn-true')`);
    await queryRunner.query(`CREATE TABLE "product_case_barcodes" ("code" text NOT NULL, "product_id" uuid NOT NULL, "qty" integer NOT NULL, CONSTRAINT "product_case_barcodes_qty_check" CHECK (qty > 1), CONSTRAINT "PK_add9690981017deaf8019d0fc15" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "product_case_barcodes_product_idx" ON "product_case_barcodes" ("product_id") `);
    await queryRunner.query(`CREATE TABLE "check_mismatches" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "order_id" uuid NOT NULL, "code" text NOT NULL, "quantity" integer NOT NULL, "message" text NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de7d0c946b87823dc94fa77700d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "check_mismatches_order_idx" ON "check_mismatches" ("order_id", "at") `);
    await queryRunner.query(`CREATE TABLE "order_check_lines" ("order_id" uuid NOT NULL, "order_line_id" uuid NOT NULL, "confirmed" integer NOT NULL DEFAULT '0', CONSTRAINT "order_check_lines_confirmed_check" CHECK (confirmed >= 0), CONSTRAINT "PK_1a54bef2419dbce3855037f2009" PRIMARY KEY ("order_id", "order_line_id"))`);
    await queryRunner.query(`CREATE TABLE "waves" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "warehouse_code" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_9b90797beb39f96b5abd85ada8e" UNIQUE ("number"), CONSTRAINT "waves_status_check" CHECK (status IN ('open', 'closed')), CONSTRAINT "PK_b9a2d49cb544011314ff8ce0fd6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "waves_warehouse_idx" ON "waves" ("warehouse_code", "status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "short_picks" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "wave_id" uuid NOT NULL, "order_line_id" uuid NOT NULL, "quantity" integer NOT NULL, "reason" text NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "short_picks_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_7535162b8606d265b81f982b5fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "short_picks_line_idx" ON "short_picks" ("order_line_id") `);
    await queryRunner.query(`CREATE INDEX "short_picks_wave_idx" ON "short_picks" ("wave_id") `);
    await queryRunner.query(`CREATE TABLE "wave_orders" ("wave_id" uuid NOT NULL, "order_id" uuid NOT NULL, "open" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_93706eb27ff396679da5c5ff12d" PRIMARY KEY ("wave_id", "order_id"))`);
    await queryRunner.query(`CREATE INDEX "wave_orders_order_idx" ON "wave_orders" ("order_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "wave_orders_open_order_key" ON "wave_orders" ("order_id") WHERE open`);
    await queryRunner.query(`ALTER TABLE "products" ADD "barcode" text`);
    await queryRunner.query(`ALTER TABLE "products" ADD CONSTRAINT "UQ_adfc522baf9d9b19cd7d9461b7e" UNIQUE ("barcode")`);
    await queryRunner.query(`ALTER TABLE "product_case_barcodes" ADD CONSTRAINT "FK_517f02828a682c41131f2343633" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_mismatches" ADD CONSTRAINT "FK_924d074e4b4d323d3e605070ed1" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_mismatches" ADD CONSTRAINT "FK_7025d467d5082e5f30596b35da2" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_check_lines" ADD CONSTRAINT "FK_3fb4f6da8219bcabc1150c54ca8" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_check_lines" ADD CONSTRAINT "FK_0ffc0ed4e569a3abb8f18cb6104" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "waves" ADD CONSTRAINT "FK_a83fea03b9ce615dc28a9c21ab2" FOREIGN KEY ("warehouse_code") REFERENCES "warehouses"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "waves" ADD CONSTRAINT "FK_2fc9b08cf2200bdcd1750b65b49" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "short_picks" ADD CONSTRAINT "FK_fc204276f0c8779cdddcb810464" FOREIGN KEY ("wave_id") REFERENCES "waves"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "short_picks" ADD CONSTRAINT "FK_223373e2ed8a5bf381d9d5241c9" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "short_picks" ADD CONSTRAINT "FK_11e2a518765083cb5bbaee0149d" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wave_orders" ADD CONSTRAINT "FK_c76ec55f0bdbf68d04ca2905423" FOREIGN KEY ("wave_id") REFERENCES "waves"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wave_orders" ADD CONSTRAINT "FK_252a5c29886d03fe2312c5a8780" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "picks_by_day" ("warehouse_code" text NOT NULL, "day" date NOT NULL, "product_id" uuid NOT NULL, "picks" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_02956b10762044aca48cb69d823" PRIMARY KEY ("warehouse_code", "day", "product_id"))`);
    // One pick per shipment line, counted as it is written (velocity reads 90 days by primary key).
    await queryRunner.query(`CREATE FUNCTION shipment_line_picks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO picks_by_day (warehouse_code, day, product_id, picks)
  SELECT o.warehouse_code, (s.shipped_at AT TIME ZONE 'UTC')::date, l.product_id, 1
    FROM shipments s JOIN orders o ON o.id = s.order_id JOIN order_lines l ON l.id = NEW.order_line_id
   WHERE s.id = NEW.shipment_id
  ON CONFLICT (warehouse_code, day, product_id) DO UPDATE SET picks = picks_by_day.picks + 1;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER shipment_lines_picks AFTER INSERT ON shipment_lines
      FOR EACH ROW EXECUTE FUNCTION shipment_line_picks()`);
    for (const sql of PICKS_REBUILD_SQL) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER shipment_lines_picks ON shipment_lines`);
    await queryRunner.query(`DROP FUNCTION shipment_line_picks()`);
    await queryRunner.query(`DROP TABLE "picks_by_day"`);
    await queryRunner.query(`ALTER TABLE "products" DROP CONSTRAINT "UQ_adfc522baf9d9b19cd7d9461b7e"`);
    await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "barcode"`);
    await queryRunner.query(`DROP TABLE "wave_orders"`);
    await queryRunner.query(`DROP TABLE "short_picks"`);
    await queryRunner.query(`DROP TABLE "waves"`);
    await queryRunner.query(`DROP TABLE "order_check_lines"`);
    await queryRunner.query(`DROP TABLE "check_mismatches"`);
    await queryRunner.query(`DROP TABLE "product_case_barcodes"`);
    await queryRunner.query(`DROP COLLATION "natural_bins"`);
    await queryRunner.query(`DROP SEQUENCE "wave_number_seq"`);
  }
}
