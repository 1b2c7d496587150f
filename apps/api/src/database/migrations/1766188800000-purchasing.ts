import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purchasing (issue 16): suppliers, each product's purchasing facts,
 * purchase orders with their lines, events and receipts, and the one-row
 * purchasing settings. A sent line's open units are an inbound row: the line
 * names it (`inbound_id`) and the row names its line
 * (`inbound.purchase_order_line_id`), so receipts know their purchase order.
 */
export class Purchasing1766188800000 implements MigrationInterface {
  name = 'Purchasing1766188800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "purchase_order_number_seq"`);
    await queryRunner.query(`CREATE TABLE "suppliers" ("code" text NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "lead_time_days" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "suppliers_code_check" CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'), CONSTRAINT "suppliers_lead_time_check" CHECK (lead_time_days >= 0), CONSTRAINT "PK_6f01a03dcb1aa33822e19534cd6" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "purchase_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "supplier_code" text NOT NULL, "status" text NOT NULL, "notes" text, "created_by" uuid, "sent_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ec2230564d163f5f921aacd5829" UNIQUE ("number"), CONSTRAINT "purchase_orders_sent_check" CHECK ((status = 'draft') = (sent_at IS NULL) OR status = 'cancelled'), CONSTRAINT "purchase_orders_status_check" CHECK (status IN ('draft', 'sent', 'partially_received', 'received', 'cancelled', 'closed')), CONSTRAINT "PK_05148947415204a897e8beb2553" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "purchase_orders_status_idx" ON "purchase_orders" ("status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "purchase_orders_supplier_idx" ON "purchase_orders" ("supplier_code", "created_at") `);
    await queryRunner.query(`CREATE TABLE "purchase_order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purchase_order_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "warehouse_code" text NOT NULL, "quantity" integer NOT NULL, "received" integer NOT NULL DEFAULT '0', "closed" integer NOT NULL DEFAULT '0', "unit_cost" numeric(14,2) NOT NULL, "expected_date" date, "inbound_id" uuid, CONSTRAINT "purchase_order_lines_cost_check" CHECK (unit_cost >= 0), CONSTRAINT "purchase_order_lines_units_check" CHECK (received >= 0 AND closed >= 0), CONSTRAINT "purchase_order_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_34a2082d2abb10c5d8713bc19b8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "purchase_order_lines_inbound_idx" ON "purchase_order_lines" ("inbound_id") `);
    await queryRunner.query(`CREATE INDEX "purchase_order_lines_product_idx" ON "purchase_order_lines" ("product_id", "warehouse_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "purchase_order_lines_order_idx" ON "purchase_order_lines" ("purchase_order_id", "line_no") `);
    await queryRunner.query(`CREATE TABLE "product_supply" ("product_id" uuid NOT NULL, "supplier_code" text NOT NULL, "supplier_sku" text NOT NULL, "unit_cost" numeric(14,2) NOT NULL, "pack_size" integer NOT NULL, "safety_days" integer, "review_days" integer, CONSTRAINT "product_supply_days_check" CHECK ((safety_days IS NULL OR safety_days >= 0) AND (review_days IS NULL OR review_days >= 0)), CONSTRAINT "product_supply_cost_check" CHECK (unit_cost >= 0), CONSTRAINT "product_supply_pack_check" CHECK (pack_size > 0), CONSTRAINT "PK_719b10061f71ffc1930af15584d" PRIMARY KEY ("product_id"))`);
    await queryRunner.query(`CREATE INDEX "product_supply_supplier_idx" ON "product_supply" ("supplier_code") `);
    await queryRunner.query(`CREATE TABLE "purchase_order_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "purchase_order_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "kind" text NOT NULL, "reason" text, "data" jsonb, CONSTRAINT "PK_273c3d32b7a436f2e23c532c19f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "purchase_order_events_order_idx" ON "purchase_order_events" ("purchase_order_id", "at") `);
    await queryRunner.query(`CREATE TABLE "purchase_receipts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purchase_order_line_id" uuid NOT NULL, "quantity" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, CONSTRAINT "purchase_receipts_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_e98baf4459530343eebf88fdbdf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "purchase_receipts_line_idx" ON "purchase_receipts" ("purchase_order_line_id", "received_at") `);
    await queryRunner.query(`CREATE TABLE "purchasing_settings" ("id" boolean NOT NULL DEFAULT true, "receipt_tolerance" numeric(4,3) NOT NULL DEFAULT '0', CONSTRAINT "purchasing_settings_tolerance_check" CHECK (receipt_tolerance >= 0 AND receipt_tolerance <= 1), CONSTRAINT "purchasing_settings_one_row" CHECK (id), CONSTRAINT "PK_f42edf6d34e54ca54f11fe22608" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "inbound" ADD "purchase_order_line_id" uuid`);
    await queryRunner.query(`CREATE INDEX "inbound_purchase_line_idx" ON "inbound" ("purchase_order_line_id") `);
    await queryRunner.query(`ALTER TABLE "purchase_orders" ADD CONSTRAINT "FK_876b9bc70ce80f6cc682bb5bac8" FOREIGN KEY ("supplier_code") REFERENCES "suppliers"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_orders" ADD CONSTRAINT "FK_99f44faa1ca8d7ec9ebef918b06" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_c70f4952f88b5bd649151f631c8" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_1b7242d654272b67cfffcd9d6ea" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_99db099d4a4ffefe3b24c581344" FOREIGN KEY ("warehouse_code") REFERENCES "warehouses"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_d2e36f1b8c31b0f3a91f72875a3" FOREIGN KEY ("inbound_id") REFERENCES "inbound"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound" ADD CONSTRAINT "FK_4c4f3f4877ffe8b115da86edcee" FOREIGN KEY ("purchase_order_line_id") REFERENCES "purchase_order_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "product_supply" ADD CONSTRAINT "FK_719b10061f71ffc1930af15584d" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "product_supply" ADD CONSTRAINT "FK_3ab48e8d5d7f9bacaa46a23590a" FOREIGN KEY ("supplier_code") REFERENCES "suppliers"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_order_events" ADD CONSTRAINT "FK_d82c61158ad271cf65b6f907c68" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_order_events" ADD CONSTRAINT "FK_e0c26666f4a4437402fbf122e39" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_receipts" ADD CONSTRAINT "FK_fc285139f9c4351341d7a46634e" FOREIGN KEY ("purchase_order_line_id") REFERENCES "purchase_order_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "purchase_receipts" ADD CONSTRAINT "FK_b05637f35c17fca10bca841382c" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO "purchasing_settings" ("id", "receipt_tolerance") VALUES (true, 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "purchase_receipts" DROP CONSTRAINT "FK_b05637f35c17fca10bca841382c"`);
    await queryRunner.query(`ALTER TABLE "purchase_receipts" DROP CONSTRAINT "FK_fc285139f9c4351341d7a46634e"`);
    await queryRunner.query(`ALTER TABLE "purchase_order_events" DROP CONSTRAINT "FK_e0c26666f4a4437402fbf122e39"`);
    await queryRunner.query(`ALTER TABLE "purchase_order_events" DROP CONSTRAINT "FK_d82c61158ad271cf65b6f907c68"`);
    await queryRunner.query(`ALTER TABLE "product_supply" DROP CONSTRAINT "FK_3ab48e8d5d7f9bacaa46a23590a"`);
    await queryRunner.query(`ALTER TABLE "product_supply" DROP CONSTRAINT "FK_719b10061f71ffc1930af15584d"`);
    await queryRunner.query(`ALTER TABLE "inbound" DROP CONSTRAINT "FK_4c4f3f4877ffe8b115da86edcee"`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_d2e36f1b8c31b0f3a91f72875a3"`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_99db099d4a4ffefe3b24c581344"`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_1b7242d654272b67cfffcd9d6ea"`);
    await queryRunner.query(`ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_c70f4952f88b5bd649151f631c8"`);
    await queryRunner.query(`ALTER TABLE "purchase_orders" DROP CONSTRAINT "FK_99f44faa1ca8d7ec9ebef918b06"`);
    await queryRunner.query(`ALTER TABLE "purchase_orders" DROP CONSTRAINT "FK_876b9bc70ce80f6cc682bb5bac8"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_purchase_line_idx"`);
    await queryRunner.query(`ALTER TABLE "inbound" DROP COLUMN "purchase_order_line_id"`);
    await queryRunner.query(`DROP TABLE "purchasing_settings"`);
    await queryRunner.query(`DROP TABLE "purchase_receipts"`);
    await queryRunner.query(`DROP TABLE "purchase_order_events"`);
    await queryRunner.query(`DROP TABLE "product_supply"`);
    await queryRunner.query(`DROP TABLE "purchase_order_lines"`);
    await queryRunner.query(`DROP TABLE "purchase_orders"`);
    await queryRunner.query(`DROP TABLE "suppliers"`);
    await queryRunner.query(`DROP SEQUENCE "purchase_order_number_seq"`);
  }
}
