import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ordering: orders (numbered from a sequence, address snapshot, indexes for
 * lists, reports and the credit check), their lines with promise and
 * reservation counts, per-receipt inbound allocations, order events and
 * idempotency keys.
 */
export class Orders1764460800000 implements MigrationInterface {
  name = 'Orders1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "order_number_seq" START 1000`);
    await queryRunner.query(`CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "account_id" uuid NOT NULL, "placed_by" uuid, "channel" text NOT NULL, "external_ref" text, "status" text NOT NULL, "po_number" text, "shipping_address_id" uuid, "shipping_address" jsonb NOT NULL, "requested_delivery_date" date, "ship_complete" boolean NOT NULL, "notes" text, "warehouse_code" text NOT NULL, "subtotal" numeric(14,2) NOT NULL, "currency" text NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "paid_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4e174e347d448617acdf98fef0d" UNIQUE ("number"), CONSTRAINT "orders_subtotal_check" CHECK (subtotal >= 0), CONSTRAINT "orders_status_check" CHECK (status IN ('pending_approval', 'on_hold', 'confirmed', 'picking', 'packed', 'partially_shipped', 'shipped', 'delivered', 'cancelled', 'rejected')), CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "orders_exposure_idx" ON "orders" ("account_id", "subtotal") WHERE paid_at IS NULL AND status NOT IN ('cancelled', 'rejected')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "orders_external_ref_idx" ON "orders" ("channel", "external_ref") WHERE external_ref IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "orders_placed_idx" ON "orders" ("placed_at") `);
    await queryRunner.query(`CREATE INDEX "orders_status_idx" ON "orders" ("status", "placed_at") `);
    await queryRunner.query(`CREATE INDEX "orders_account_placed_idx" ON "orders" ("account_id", "placed_at") `);
    await queryRunner.query(`CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "order_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`);
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" ("created_at") `);
    await queryRunner.query(`CREATE TABLE "order_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "order_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "kind" text NOT NULL, "from_status" text, "to_status" text, "reason" text, "data" jsonb, CONSTRAINT "PK_cc1b82b0fcf1be577d9d7ecbf8b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "order_events_order_idx" ON "order_events" ("order_id", "at") `);
    await queryRunner.query(`CREATE TABLE "order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "sku" text NOT NULL, "name" text NOT NULL, "quantity" integer NOT NULL, "unit_price" numeric(14,2) NOT NULL, "line_total" numeric(14,2) NOT NULL, "promise" jsonb NOT NULL, "requested_date" date, "first_promised_date" date NOT NULL, "current_promised_date" date NOT NULL, "reserved_qty" integer NOT NULL DEFAULT '0', "allocated_qty" integer NOT NULL DEFAULT '0', "backordered_qty" integer NOT NULL DEFAULT '0', "shipped_qty" integer NOT NULL DEFAULT '0', CONSTRAINT "order_lines_units_check" CHECK (reserved_qty >= 0 AND allocated_qty >= 0 AND backordered_qty >= 0 AND shipped_qty >= 0 AND shipped_qty <= quantity), CONSTRAINT "order_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_627dcd7f1d707de4df241b2da6b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "order_lines_product_idx" ON "order_lines" ("product_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "order_lines_order_idx" ON "order_lines" ("order_id", "line_no") `);
    await queryRunner.query(`CREATE TABLE "order_line_allocations" ("order_line_id" uuid NOT NULL, "inbound_id" uuid NOT NULL, "qty" integer NOT NULL, CONSTRAINT "order_line_allocations_qty_check" CHECK (qty > 0), CONSTRAINT "PK_3c50c315cc74629cf4f09827c0f" PRIMARY KEY ("order_line_id", "inbound_id"))`);
    await queryRunner.query(`CREATE INDEX "order_line_allocations_inbound_idx" ON "order_line_allocations" ("inbound_id") `);
    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_83e17453a20deec5b0bc9de55a9" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_077b71e62d17c4c7ad0dd2dbfc1" FOREIGN KEY ("placed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_67b8be57fc38bda573d2a8513ec" FOREIGN KEY ("shipping_address_id") REFERENCES "addresses"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_2b2eda5dca35153ff86c77e4d95" FOREIGN KEY ("warehouse_code") REFERENCES "warehouses"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD CONSTRAINT "FK_4d2181624ba2d61e76a07175198" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD CONSTRAINT "FK_446856502ff1075430219299f33" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_events" ADD CONSTRAINT "FK_b33cbf9a59cbee112d94bcb59de" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_events" ADD CONSTRAINT "FK_5430e58760bca71c03cb85d919c" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "FK_6a619803439ea92778cafc8fb54" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "FK_c33a737fbeb5050911ca729aaed" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_line_allocations" ADD CONSTRAINT "FK_b22c9bf6a54d91753a7b2205c83" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_line_allocations" ADD CONSTRAINT "FK_94f9a5045a38db7e69fe8ad0b5b" FOREIGN KEY ("inbound_id") REFERENCES "inbound"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "order_events"`);
    await queryRunner.query(`DROP TABLE "order_line_allocations"`);
    await queryRunner.query(`DROP TABLE "order_lines"`);
    await queryRunner.query(`DROP TABLE "orders"`);
    await queryRunner.query(`DROP SEQUENCE "order_number_seq"`);
  }
}
