import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales quotes: quotes (numbered from quote_number_seq), their revisions and
 * lines, and their events. Orders remember the quote they were accepted from
 * (unique: one quote, at most one order) and each order line its price
 * source, which may now be `quote`; notifications may be about a quote.
 */
export class SalesQuotes1766016000000 implements MigrationInterface {
  name = 'SalesQuotes1766016000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "quote_number_seq"`);
    await queryRunner.query(`CREATE TABLE "quotes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "account_id" uuid NOT NULL, "status" text NOT NULL, "revision" integer NOT NULL DEFAULT '1', "valid_until" date, "requested_date" date, "message" text, "created_by" uuid, "idempotency_key" text, "request_hash" text, "expiry_notice_for" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_15ae60730d4562df625600005b2" UNIQUE ("number"), CONSTRAINT "quotes_revision_check" CHECK (revision >= 1), CONSTRAINT "quotes_status_check" CHECK (status IN ('requested', 'quoted', 'accepted', 'declined', 'withdrawn', 'expired')), CONSTRAINT "PK_99a0e8bcbcd8719d3a41f23c263" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "quotes_idempotency_idx" ON "quotes" ("created_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "quotes_status_valid_idx" ON "quotes" ("status", "valid_until") `);
    await queryRunner.query(`CREATE INDEX "quotes_account_created_idx" ON "quotes" ("account_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "quote_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "quote_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "kind" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "reason" text, "revision" integer NOT NULL, "order_id" uuid, CONSTRAINT "PK_ec0c5efd54a0375c9266d911874" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "quote_events_quote_idx" ON "quote_events" ("quote_id", "at") `);
    await queryRunner.query(`CREATE TABLE "quote_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quote_id" uuid NOT NULL, "revision" integer NOT NULL, "quoted_at" TIMESTAMP WITH TIME ZONE, "quoted_by" uuid, "valid_until" date, "subtotal" numeric(14,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_262112c9226e86121967fc234fc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "quote_revisions_quote_idx" ON "quote_revisions" ("quote_id", "revision") `);
    await queryRunner.query(`CREATE TABLE "quote_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "revision_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "sku" text NOT NULL, "name" text NOT NULL, "quantity" integer NOT NULL, "unit_price" numeric(14,2), "list_price" numeric(14,2) NOT NULL, "normal_price" numeric(14,2) NOT NULL, "line_total" numeric(14,2), "promise" jsonb, CONSTRAINT "quote_lines_price_check" CHECK (unit_price IS NULL OR unit_price >= 0), CONSTRAINT "quote_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_4589e13e3a55c06472a7dee6e31" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "quote_lines_revision_idx" ON "quote_lines" ("revision_id", "line_no") `);
    await queryRunner.query(`ALTER TABLE "orders" ADD "quote_id" uuid`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD "price_source" text`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "quote_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "orders_quote_idx" ON "orders" ("quote_id") WHERE quote_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_price_source_check" CHECK (price_source IN ('contract', 'tier_fixed', 'tier_discount', 'list', 'quote'))`);
    await queryRunner.query(`ALTER TABLE "quotes" ADD CONSTRAINT "FK_19c7b855fba3868d55da7cda812" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotes" ADD CONSTRAINT "FK_7597d56df256df54e6fda6cd646" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_events" ADD CONSTRAINT "FK_a9c27ada69bc184f070cd7c2721" FOREIGN KEY ("quote_id") REFERENCES "quotes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_events" ADD CONSTRAINT "FK_52e66dadb1b57b161c40c2ab007" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_revisions" ADD CONSTRAINT "FK_c303607067faa4776ef5a936598" FOREIGN KEY ("quote_id") REFERENCES "quotes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_revisions" ADD CONSTRAINT "FK_b49014aef27187d2b8606a06a4a" FOREIGN KEY ("quoted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_lines" ADD CONSTRAINT "FK_9ac0376b1e736cc0f370366f3ae" FOREIGN KEY ("revision_id") REFERENCES "quote_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_lines" ADD CONSTRAINT "FK_d46678ba860b7704df2d822dc63" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_d6183642a34a405848c4926c116" FOREIGN KEY ("quote_id") REFERENCES "quotes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_644762ff42d4856b2c63d9cd301" FOREIGN KEY ("quote_id") REFERENCES "quotes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_644762ff42d4856b2c63d9cd301"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_d6183642a34a405848c4926c116"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_price_source_check"`);
    await queryRunner.query(`DROP INDEX "public"."orders_quote_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "quote_id"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP COLUMN "price_source"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "quote_id"`);
    await queryRunner.query(`DROP TABLE "quote_lines"`);
    await queryRunner.query(`DROP TABLE "quote_revisions"`);
    await queryRunner.query(`DROP TABLE "quote_events"`);
    await queryRunner.query(`DROP TABLE "quotes"`);
    await queryRunner.query(`DROP SEQUENCE "quote_number_seq"`);
  }
}
