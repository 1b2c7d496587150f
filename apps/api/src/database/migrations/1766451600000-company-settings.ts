import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company letterhead (settings/company-settings.entity.ts): one row,
 * made on first start from SELLER_NAME and SELLER_ADDRESS (the API's
 * configuration, which a migration cannot read), then edited by an admin.
 * The logo is stored without compression (PNG and JPEG are compressed already).
 */
export class CompanySettings1766451600000 implements MigrationInterface {
  name = 'CompanySettings1766451600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "company_settings" ("id" boolean NOT NULL DEFAULT true, "name" text NOT NULL, "address" text array NOT NULL, "email" text, "phone" text, "registration" text, "logo" bytea, "logo_content_type" text, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "company_settings_logo_check" CHECK ((logo IS NULL) = (logo_content_type IS NULL)), CONSTRAINT "company_settings_one_row" CHECK (id), CONSTRAINT "PK_company_settings" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "company_settings" ALTER COLUMN "logo" SET STORAGE EXTERNAL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "company_settings"`);
  }
}
