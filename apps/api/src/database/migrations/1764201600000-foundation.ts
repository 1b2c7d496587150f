import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, accounts, addresses, products, refresh tokens and the audit trail. */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "account_id" uuid, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "order_limit" numeric(14,2), "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "users_order_limit_check" CHECK (order_limit IS NULL OR order_limit >= 0), CONSTRAINT "users_customer_account_check" CHECK ((role IN ('buyer', 'approver')) = (account_id IS NOT NULL)), CONSTRAINT "users_role_check" CHECK (role IN ('buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "users_account_idx" ON "users" ("account_id")`);
    await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "price_tier_id" uuid, "account_manager_id" uuid, "default_warehouse_code" text, "credit_limit" numeric(14,2) NOT NULL DEFAULT '0', "payment_terms" text NOT NULL DEFAULT 'net_30', "requires_po" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_490319656e54a7957dc1fed027c" UNIQUE ("code"), CONSTRAINT "accounts_payment_terms_check" CHECK (payment_terms IN ('prepaid', 'net_15', 'net_30', 'net_45', 'net_60')), CONSTRAINT "accounts_credit_limit_check" CHECK (credit_limit >= 0), CONSTRAINT "accounts_status_check" CHECK (status IN ('active', 'on_hold', 'closed')), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accounts_manager_idx" ON "accounts" ("account_manager_id")`);
    await queryRunner.query(`CREATE TABLE "addresses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "label" text NOT NULL, "line1" text NOT NULL, "line2" text, "city" text NOT NULL, "region" text, "postcode" text NOT NULL, "country" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_745d8f43d3af10ab8247465e450" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "addresses_account_idx" ON "addresses" ("account_id")`);
    await queryRunner.query(`CREATE TABLE "audit_entries" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "entity" text NOT NULL, "entity_id" text NOT NULL, "account_id" uuid, "action" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_entries_entity_idx" ON "audit_entries" ("entity", "entity_id", "at")`);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "token_version" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" ("user_id")`);
    await queryRunner.query(`CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sku" text NOT NULL, "name" text NOT NULL, "description" text, "category" text NOT NULL, "unit" text NOT NULL, "list_price" numeric(14,2) NOT NULL, "min_order_qty" integer NOT NULL DEFAULT '1', "order_multiple" integer NOT NULL DEFAULT '1', "lead_time_days" integer NOT NULL DEFAULT '10', "backorderable" boolean NOT NULL DEFAULT true, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c44ac33a05b144dd0d9ddcf9327" UNIQUE ("sku"), CONSTRAINT "products_quantities_check" CHECK (min_order_qty >= 1 AND order_multiple >= 1 AND lead_time_days >= 0), CONSTRAINT "products_list_price_check" CHECK (list_price >= 0), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "products_category_idx" ON "products" ("category", "sku")`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_17a709b8b6146c491e6615c29d7" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "FK_a706bdf2491a7179c538a357cdf" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "addresses" ADD CONSTRAINT "FK_eda05655c3b56381c97d2d0ca42" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "products_search_trgm" ON "products" USING gin ((lower("sku" || ' ' || "name")) gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "products_sku_prefix_idx" ON "products" (lower("sku") text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "accounts_search_trgm" ON "accounts" USING gin ((lower("code" || ' ' || "name")) gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP TABLE "addresses"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "FK_a706bdf2491a7179c538a357cdf"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP TABLE "products"`);
  }
}
