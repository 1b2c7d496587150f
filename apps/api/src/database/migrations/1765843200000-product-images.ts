import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product images (catalog/product-image.entity.ts): one row per product
 * with an image, gone with its product. The byte columns are stored out of
 * line without compression (STORAGE EXTERNAL): JPEG, PNG and WebP are
 * compressed already, so PostgreSQL would spend CPU on every write for
 * nothing, and the served sizes can be read without decompressing.
 */
export class ProductImages1765843200000 implements MigrationInterface {
  name = 'ProductImages1765843200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "product_images" ("product_id" uuid NOT NULL, "version" text NOT NULL, "content_type" text NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "byte_size" integer NOT NULL, "original" bytea NOT NULL, "thumb" bytea NOT NULL, "large" bytea NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "product_images_dimensions_check" CHECK (width > 0 AND height > 0 AND byte_size > 0), CONSTRAINT "PK_4f166bb8c2bfcef2498d97b4068" PRIMARY KEY ("product_id"))`);
    await queryRunner.query(`ALTER TABLE "product_images" ADD CONSTRAINT "FK_4f166bb8c2bfcef2498d97b4068" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const column of ['original', 'thumb', 'large']) {
      await queryRunner.query(`ALTER TABLE "product_images" ALTER COLUMN "${column}" SET STORAGE EXTERNAL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "product_images"`);
  }
}
