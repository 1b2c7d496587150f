import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Warehouses with promise settings, the holiday calendar, stock per product
 * and warehouse, and inbound supply; accounts' default warehouse becomes a
 * foreign key. Per-order-line allocations of inbound arrive with ordering.
 */
export class Availability1764374400000 implements MigrationInterface {
  name = 'Availability1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "warehouses" ("code" text NOT NULL, "name" text NOT NULL, "time_zone" text NOT NULL, "cutoff_time" text NOT NULL, "handling_days" integer NOT NULL, "transit_days" integer NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "warehouses_days_check" CHECK (handling_days >= 0 AND transit_days >= 0), CONSTRAINT "warehouses_cutoff_time_check" CHECK (cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT "PK_d8b96d60ff9a288f5ed862280d9" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warehouses_one_default" ON "warehouses" ("is_default") WHERE is_default`);
    await queryRunner.query(`CREATE TABLE "holidays" ("date" date NOT NULL, CONSTRAINT "PK_40dfddee0c0d7125c767d8962b1" PRIMARY KEY ("date"))`);
    await queryRunner.query(`CREATE TABLE "inbound" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "warehouse_code" text NOT NULL, "qty" integer NOT NULL, "allocated" integer NOT NULL DEFAULT '0', "expected_date" date NOT NULL, "status" text NOT NULL DEFAULT 'expected', "received_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "inbound_received_check" CHECK ((status = 'received') = (received_at IS NOT NULL)), CONSTRAINT "inbound_status_check" CHECK (status IN ('expected', 'received', 'cancelled')), CONSTRAINT "inbound_qty_check" CHECK (qty > 0 AND allocated >= 0 AND allocated <= qty), CONSTRAINT "PK_837651a56a588fd82392d68a5fd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "inbound_list_idx" ON "inbound" ("warehouse_code", "expected_date") `);
    await queryRunner.query(`CREATE INDEX "inbound_open_idx" ON "inbound" ("product_id", "warehouse_code", "expected_date") WHERE status = 'expected'`);
    await queryRunner.query(`CREATE TABLE "stock" ("product_id" uuid NOT NULL, "warehouse_code" text NOT NULL, "on_hand" integer NOT NULL DEFAULT '0', "reserved" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stock_reserved_check" CHECK (reserved >= 0 AND reserved <= on_hand), CONSTRAINT "PK_f939a91add86335c9fd7702a5af" PRIMARY KEY ("product_id", "warehouse_code"))`);
    await queryRunner.query(`CREATE INDEX "stock_warehouse_idx" ON "stock" ("warehouse_code", "product_id") `);
    // Codes named before warehouses existed would break the new foreign key: they name nothing, so clear them.
    await queryRunner.query(`UPDATE "accounts" SET "default_warehouse_code" = NULL WHERE "default_warehouse_code" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "FK_6bda0709ddfaa12fc7ae3a7458b" FOREIGN KEY ("default_warehouse_code") REFERENCES "warehouses"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound" ADD CONSTRAINT "FK_7f865ba89448cfe656b9e5daf35" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound" ADD CONSTRAINT "FK_d375802b5e6b47928e9c78160ba" FOREIGN KEY ("warehouse_code") REFERENCES "warehouses"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock" ADD CONSTRAINT "FK_375ba760c8cff338fc8c94b416c" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock" ADD CONSTRAINT "FK_e45cde1ae3a7820649ccd5b1e6a" FOREIGN KEY ("warehouse_code") REFERENCES "warehouses"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "FK_6bda0709ddfaa12fc7ae3a7458b"`);
    await queryRunner.query(`DROP TABLE "stock"`);
    await queryRunner.query(`DROP TABLE "inbound"`);
    await queryRunner.query(`DROP TABLE "holidays"`);
    await queryRunner.query(`DROP TABLE "warehouses"`);
  }
}
