import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buying: one cart per customer user with one line per product, and the
 * account's order templates with their lines. Template names are unique per
 * account whatever their case; that index also serves the account's list.
 */
export class CartTemplates1764547200000 implements MigrationInterface {
  name = 'CartTemplates1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "carts" ("user_id" uuid NOT NULL, "account_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_2ec1c94a977b940d85a4f498aea" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "cart_lines" ("user_id" uuid NOT NULL, "product_id" uuid NOT NULL, "quantity" integer NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cart_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_bef25d2fb65fcf66a85911a2a5c" PRIMARY KEY ("user_id", "product_id"))`);
    await queryRunner.query(`CREATE TABLE "order_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_by" uuid, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "order_templates_name_check" CHECK (length(btrim(name)) > 0), CONSTRAINT "PK_3a2cf80ced09eafc8a56a8609ac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "order_templates_account_name_idx" ON "order_templates" ("account_id", lower("name"))`);
    await queryRunner.query(`CREATE TABLE "order_template_lines" ("template_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "order_template_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_d805bd44793d917bd3621607ebd" PRIMARY KEY ("template_id", "line_no"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "order_template_lines_product_idx" ON "order_template_lines" ("template_id", "product_id") `);
    await queryRunner.query(`ALTER TABLE "carts" ADD CONSTRAINT "FK_2ec1c94a977b940d85a4f498aea" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "carts" ADD CONSTRAINT "FK_e0f5c205a0bf214c883893bdca1" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cart_lines" ADD CONSTRAINT "FK_27d1ec2951935174ad42a57529e" FOREIGN KEY ("user_id") REFERENCES "carts"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cart_lines" ADD CONSTRAINT "FK_5c66a9dbf9b7661da7b6cde3a80" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_templates" ADD CONSTRAINT "FK_b03cdbfd3f94e29517766883a37" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_templates" ADD CONSTRAINT "FK_a0098e77ea30a4aacf94cbd03e1" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_template_lines" ADD CONSTRAINT "FK_a71af4916f0f9cc94e72cdd18bd" FOREIGN KEY ("template_id") REFERENCES "order_templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_template_lines" ADD CONSTRAINT "FK_9cf4df15dc0ab8181106e08f774" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "order_template_lines"`);
    await queryRunner.query(`DROP TABLE "order_templates"`);
    await queryRunner.query(`DROP TABLE "cart_lines"`);
    await queryRunner.query(`DROP TABLE "carts"`);
  }
}
