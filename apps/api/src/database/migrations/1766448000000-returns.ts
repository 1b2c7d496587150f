import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns and credit notes (issue 17): returns (RMA) of delivered order lines
 * with their events, photos and receipts; credit notes with their lines; the
 * restocking fee per reason and the default return window; a product's own
 * return window (`products.return_window_days`: null = the default, 0 = not
 * returnable); notifications may name a return.
 */
export class Returns1766448000000 implements MigrationInterface {
  name = 'Returns1766448000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "return_number_seq"`);
    await queryRunner.query(`CREATE SEQUENCE "credit_note_number_seq"`);
    await queryRunner.query(`CREATE TABLE "returns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "order_id" uuid NOT NULL, "account_id" uuid NOT NULL, "status" text NOT NULL, "opened_by" text NOT NULL, "requested_by" uuid, "fee_waived" boolean NOT NULL DEFAULT false, "fee_waived_reason" text, "rejection_reason" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ac07512d7939c297e1c56886ad4" UNIQUE ("number"), CONSTRAINT "returns_opened_by_check" CHECK (opened_by IN ('customer', 'staff')), CONSTRAINT "returns_status_check" CHECK (status IN ('requested', 'approved', 'rejected', 'received', 'credited')), CONSTRAINT "PK_27a2f1895a71519ebfec7850361" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "returns_order_idx" ON "returns" ("order_id")`);
    await queryRunner.query(`CREATE INDEX "returns_status_idx" ON "returns" ("status", "created_at")`);
    await queryRunner.query(`CREATE INDEX "returns_account_idx" ON "returns" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "return_fees" ("reason" text NOT NULL, "percent" numeric(5,2) NOT NULL DEFAULT '0', CONSTRAINT "return_fees_percent_check" CHECK (percent >= 0 AND percent <= 100), CONSTRAINT "return_fees_reason_check" CHECK (reason IN ('damaged', 'defective', 'wrong_item', 'not_needed', 'other')), CONSTRAINT "PK_c30e888da536d20fef6aa9addf9" PRIMARY KEY ("reason"))`);
    await queryRunner.query(`CREATE TABLE "return_settings" ("id" boolean NOT NULL DEFAULT true, "default_window_days" integer NOT NULL DEFAULT '30', CONSTRAINT "return_settings_window_check" CHECK (default_window_days >= 0), CONSTRAINT "return_settings_one_row" CHECK (id), CONSTRAINT "PK_9eab7b56bbcaa45024a0b3c7a5e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "return_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "line_no" integer NOT NULL, "order_line_id" uuid NOT NULL, "product_id" uuid NOT NULL, "quantity" integer NOT NULL, "reason" text NOT NULL, "note" text, "resolution" text NOT NULL DEFAULT 'credit', "unit_price" numeric(14,2) NOT NULL, "fee_percent" numeric(5,2) NOT NULL DEFAULT '0', "received" integer NOT NULL DEFAULT '0', "restocked" integer NOT NULL DEFAULT '0', "scrapped" integer NOT NULL DEFAULT '0', "credited" integer NOT NULL DEFAULT '0', "replacement_order_id" uuid, CONSTRAINT "return_lines_units_check" CHECK (received = restocked + scrapped AND received <= quantity AND credited <= received AND restocked >= 0 AND scrapped >= 0 AND credited >= 0), CONSTRAINT "return_lines_resolution_check" CHECK (resolution IN ('credit', 'replace')), CONSTRAINT "return_lines_reason_check" CHECK (reason IN ('damaged', 'defective', 'wrong_item', 'not_needed', 'other')), CONSTRAINT "return_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_d07139763a47ebef84eea8df1d0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "return_lines_return_idx" ON "return_lines" ("return_id", "line_no")`);
    await queryRunner.query(`CREATE INDEX "return_lines_order_line_idx" ON "return_lines" ("order_line_id")`);
    await queryRunner.query(`CREATE TABLE "return_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "return_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "kind" text NOT NULL, "from_status" text, "to_status" text, "reason" text, "data" jsonb, CONSTRAINT "PK_24f2620fcfeb3b4c41ca5671830" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "return_events_return_idx" ON "return_events" ("return_id", "at")`);
    await queryRunner.query(`CREATE TABLE "return_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "content_type" text NOT NULL, "byte_size" integer NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "return_photos_size_check" CHECK (byte_size > 0), CONSTRAINT "PK_5138768057a4cb73ad730dc9d8d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "return_photos_return_idx" ON "return_photos" ("return_id")`);
    await queryRunner.query(`CREATE TABLE "credit_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "return_id" uuid NOT NULL, "account_id" uuid NOT NULL, "order_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "subtotal" numeric(14,2) NOT NULL, "fee" numeric(14,2) NOT NULL, "total" numeric(14,2) NOT NULL, "created_by" uuid, CONSTRAINT "UQ_285b86d3158b74d5e053c75cf7c" UNIQUE ("number"), CONSTRAINT "credit_notes_total_check" CHECK (total >= 0 AND total = subtotal - fee), CONSTRAINT "PK_4933888a20b5469e119ad74b9e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "credit_notes_return_idx" ON "credit_notes" ("return_id")`);
    await queryRunner.query(`CREATE INDEX "credit_notes_account_idx" ON "credit_notes" ("account_id", "issued_at")`);
    await queryRunner.query(`CREATE TABLE "credit_note_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_note_id" uuid NOT NULL, "return_line_id" uuid NOT NULL, "quantity" integer NOT NULL, "unit_price" numeric(14,2) NOT NULL, "gross" numeric(14,2) NOT NULL, "fee_percent" numeric(5,2) NOT NULL, "fee" numeric(14,2) NOT NULL, "total" numeric(14,2) NOT NULL, CONSTRAINT "credit_note_lines_total_check" CHECK (total >= 0 AND total = gross - fee), CONSTRAINT "credit_note_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_179cc6edb6a224ec408a8fc04a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "credit_note_lines_return_line_idx" ON "credit_note_lines" ("return_line_id")`);
    await queryRunner.query(`CREATE INDEX "credit_note_lines_note_idx" ON "credit_note_lines" ("credit_note_id")`);
    await queryRunner.query(`CREATE TABLE "return_receipts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "actor_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "credit_note_id" uuid, CONSTRAINT "PK_748fa5d5beb4581cb100126fb45" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "return_receipts_return_idx" ON "return_receipts" ("return_id", "received_at")`);
    await queryRunner.query(`CREATE TABLE "return_receipt_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "receipt_id" uuid NOT NULL, "return_line_id" uuid NOT NULL, "quantity" integer NOT NULL, "condition" text NOT NULL, CONSTRAINT "return_receipt_lines_condition_check" CHECK (condition IN ('restock', 'scrap')), CONSTRAINT "return_receipt_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_2c4730bb5d7d953dc2f48b11f88" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "return_receipt_lines_line_idx" ON "return_receipt_lines" ("return_line_id")`);
    await queryRunner.query(`CREATE INDEX "return_receipt_lines_receipt_idx" ON "return_receipt_lines" ("receipt_id")`);
    await queryRunner.query(`ALTER TABLE "products" ADD "return_window_days" integer`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "return_id" uuid`);
    await queryRunner.query(`ALTER TABLE "products" ADD CONSTRAINT "products_return_window_check" CHECK (return_window_days IS NULL OR return_window_days >= 0)`);
    await queryRunner.query(`ALTER TABLE "returns" ADD CONSTRAINT "FK_7c0b171a97595625487728ddb3e" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "returns" ADD CONSTRAINT "FK_ead1e2953ad973b7da2a042289f" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "returns" ADD CONSTRAINT "FK_77e9cc2641efdec2d5574e85932" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_d1dfd28aa8c7d78e907f79c3543" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_lines" ADD CONSTRAINT "FK_c8d0005aeac4b98ee818775c4de" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_lines" ADD CONSTRAINT "FK_8aef2df347d53457e53fc0b1d65" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_lines" ADD CONSTRAINT "FK_0d4acc6d9f83e0d40b38eb12f58" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_lines" ADD CONSTRAINT "FK_9fb00246d6ce962e28ffac1b51e" FOREIGN KEY ("replacement_order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_events" ADD CONSTRAINT "FK_800abf5ed96697fbe7c3ea7a5c0" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_events" ADD CONSTRAINT "FK_ad2ea581c22ab70e65f02a7bcd5" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_photos" ADD CONSTRAINT "FK_82b30d835bcbf18879216d860c2" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_103e75e82f83905704960eef1ef" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_3781323fd4b44ef76b985848eb6" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_12a0a4e4c6545da6b1130fd3771" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_35ff054ccaae7b2bb95661bfa2c" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" ADD CONSTRAINT "FK_71a76737c78041f36d917f7affc" FOREIGN KEY ("credit_note_id") REFERENCES "credit_notes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" ADD CONSTRAINT "FK_a87bb7f5de838d22effcd86b73e" FOREIGN KEY ("return_line_id") REFERENCES "return_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_receipts" ADD CONSTRAINT "FK_16cccda8403c8214411905930d0" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_receipts" ADD CONSTRAINT "FK_3c2637b632cc87cfbd708cf7d80" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_receipts" ADD CONSTRAINT "FK_1a7a4ecb85802977ee56cf8b8b3" FOREIGN KEY ("credit_note_id") REFERENCES "credit_notes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_receipt_lines" ADD CONSTRAINT "FK_2c23dbedd8e9fa1c1879f256b36" FOREIGN KEY ("receipt_id") REFERENCES "return_receipts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_receipt_lines" ADD CONSTRAINT "FK_c2242d2a2d39121926dc5aba6fc" FOREIGN KEY ("return_line_id") REFERENCES "return_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_price_source_check"`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_price_source_check" CHECK (price_source IN ('contract', 'tier_fixed', 'tier_discount', 'list', 'quote', 'replacement'))`);
    await queryRunner.query(`INSERT INTO "return_fees" ("reason", "percent") VALUES ('damaged', 0), ('defective', 0), ('wrong_item', 0), ('not_needed', 0), ('other', 0)`);
    await queryRunner.query(`INSERT INTO "return_settings" ("id", "default_window_days") VALUES (true, 30)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_price_source_check"`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_price_source_check" CHECK (price_source IN ('contract', 'tier_fixed', 'tier_discount', 'list', 'quote'))`);
    await queryRunner.query(`ALTER TABLE "return_receipt_lines" DROP CONSTRAINT "FK_c2242d2a2d39121926dc5aba6fc"`);
    await queryRunner.query(`ALTER TABLE "return_receipt_lines" DROP CONSTRAINT "FK_2c23dbedd8e9fa1c1879f256b36"`);
    await queryRunner.query(`ALTER TABLE "return_receipts" DROP CONSTRAINT "FK_1a7a4ecb85802977ee56cf8b8b3"`);
    await queryRunner.query(`ALTER TABLE "return_receipts" DROP CONSTRAINT "FK_3c2637b632cc87cfbd708cf7d80"`);
    await queryRunner.query(`ALTER TABLE "return_receipts" DROP CONSTRAINT "FK_16cccda8403c8214411905930d0"`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" DROP CONSTRAINT "FK_a87bb7f5de838d22effcd86b73e"`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" DROP CONSTRAINT "FK_71a76737c78041f36d917f7affc"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_35ff054ccaae7b2bb95661bfa2c"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_12a0a4e4c6545da6b1130fd3771"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_3781323fd4b44ef76b985848eb6"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_103e75e82f83905704960eef1ef"`);
    await queryRunner.query(`ALTER TABLE "return_photos" DROP CONSTRAINT "FK_82b30d835bcbf18879216d860c2"`);
    await queryRunner.query(`ALTER TABLE "return_events" DROP CONSTRAINT "FK_ad2ea581c22ab70e65f02a7bcd5"`);
    await queryRunner.query(`ALTER TABLE "return_events" DROP CONSTRAINT "FK_800abf5ed96697fbe7c3ea7a5c0"`);
    await queryRunner.query(`ALTER TABLE "return_lines" DROP CONSTRAINT "FK_9fb00246d6ce962e28ffac1b51e"`);
    await queryRunner.query(`ALTER TABLE "return_lines" DROP CONSTRAINT "FK_0d4acc6d9f83e0d40b38eb12f58"`);
    await queryRunner.query(`ALTER TABLE "return_lines" DROP CONSTRAINT "FK_8aef2df347d53457e53fc0b1d65"`);
    await queryRunner.query(`ALTER TABLE "return_lines" DROP CONSTRAINT "FK_c8d0005aeac4b98ee818775c4de"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_d1dfd28aa8c7d78e907f79c3543"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "FK_77e9cc2641efdec2d5574e85932"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "FK_ead1e2953ad973b7da2a042289f"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "FK_7c0b171a97595625487728ddb3e"`);
    await queryRunner.query(`ALTER TABLE "products" DROP CONSTRAINT "products_return_window_check"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "return_id"`);
    await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "return_window_days"`);
    await queryRunner.query(`DROP INDEX "public"."return_receipt_lines_receipt_idx"`);
    await queryRunner.query(`DROP INDEX "public"."return_receipt_lines_line_idx"`);
    await queryRunner.query(`DROP TABLE "return_receipt_lines"`);
    await queryRunner.query(`DROP INDEX "public"."return_receipts_return_idx"`);
    await queryRunner.query(`DROP TABLE "return_receipts"`);
    await queryRunner.query(`DROP INDEX "public"."credit_note_lines_note_idx"`);
    await queryRunner.query(`DROP INDEX "public"."credit_note_lines_return_line_idx"`);
    await queryRunner.query(`DROP TABLE "credit_note_lines"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_return_idx"`);
    await queryRunner.query(`DROP TABLE "credit_notes"`);
    await queryRunner.query(`DROP INDEX "public"."return_photos_return_idx"`);
    await queryRunner.query(`DROP TABLE "return_photos"`);
    await queryRunner.query(`DROP INDEX "public"."return_events_return_idx"`);
    await queryRunner.query(`DROP TABLE "return_events"`);
    await queryRunner.query(`DROP INDEX "public"."return_lines_order_line_idx"`);
    await queryRunner.query(`DROP INDEX "public"."return_lines_return_idx"`);
    await queryRunner.query(`DROP TABLE "return_lines"`);
    await queryRunner.query(`DROP TABLE "return_settings"`);
    await queryRunner.query(`DROP TABLE "return_fees"`);
    await queryRunner.query(`DROP INDEX "public"."returns_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."returns_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."returns_order_idx"`);
    await queryRunner.query(`DROP TABLE "returns"`);
    await queryRunner.query(`DROP SEQUENCE "credit_note_number_seq"`);
    await queryRunner.query(`DROP SEQUENCE "return_number_seq"`);
  }
}
