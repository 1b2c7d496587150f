import { MigrationInterface, QueryRunner } from 'typeorm';

/** Price tiers with volume breaks and fixed prices, and account contract prices. */
export class Pricing1764288000000 implements MigrationInterface {
  name = 'Pricing1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "price_tiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "discount_percent" numeric(5,2) NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3bab245abf5fbf31ce70c53dbdd" UNIQUE ("name"), CONSTRAINT "price_tiers_discount_check" CHECK (discount_percent >= 0 AND discount_percent <= 100), CONSTRAINT "PK_32e26c73f31f2d3a75bb2143d62" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "contract_prices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "product_id" uuid NOT NULL, "unit_price" numeric(14,2) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_prices_window_check" CHECK (valid_to IS NULL OR valid_to >= valid_from), CONSTRAINT "contract_prices_price_check" CHECK (unit_price >= 0), CONSTRAINT "PK_a41f9b5231af2dca2203458a468" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "contract_prices_lookup_idx" ON "contract_prices" ("account_id", "product_id", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "tier_breaks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tier_id" uuid NOT NULL, "product_id" uuid, "min_qty" integer NOT NULL, "discount_percent" numeric(5,2) NOT NULL, CONSTRAINT "tier_breaks_discount_check" CHECK (discount_percent >= 0 AND discount_percent <= 100), CONSTRAINT "tier_breaks_min_qty_check" CHECK (min_qty >= 1), CONSTRAINT "PK_91c6419208b7bae116b621179a1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "tier_fixed_prices" ("tier_id" uuid NOT NULL, "product_id" uuid NOT NULL, "unit_price" numeric(14,2) NOT NULL, CONSTRAINT "tier_fixed_prices_price_check" CHECK (unit_price >= 0), CONSTRAINT "PK_6663087683187d83e2e01b8f1e5" PRIMARY KEY ("tier_id", "product_id"))`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "FK_d1b46cd2eb45c08f292f414762d" FOREIGN KEY ("price_tier_id") REFERENCES "price_tiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract_prices" ADD CONSTRAINT "FK_2ba99a78889a4845959fed452ac" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract_prices" ADD CONSTRAINT "FK_c0355a40cf234b29fa31b563b02" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tier_breaks" ADD CONSTRAINT "FK_9f826d4a231fe1b51c1b35eb181" FOREIGN KEY ("tier_id") REFERENCES "price_tiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tier_breaks" ADD CONSTRAINT "FK_fb77b5a2dd8b1ea58d41c5941ec" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tier_fixed_prices" ADD CONSTRAINT "FK_325948d2221dc87927cd3609a75" FOREIGN KEY ("tier_id") REFERENCES "price_tiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tier_fixed_prices" ADD CONSTRAINT "FK_06f1b72e95277317e53034310dc" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tier_breaks_scope_unique" ON "tier_breaks" ("tier_id", "product_id", "min_qty") NULLS NOT DISTINCT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "FK_d1b46cd2eb45c08f292f414762d"`);
    await queryRunner.query(`DROP TABLE "contract_prices"`);
    await queryRunner.query(`DROP TABLE "tier_fixed_prices"`);
    await queryRunner.query(`DROP TABLE "tier_breaks"`);
    await queryRunner.query(`DROP TABLE "price_tiers"`);
  }
}
