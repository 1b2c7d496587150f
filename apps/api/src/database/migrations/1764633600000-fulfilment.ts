import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fulfilment: where each product is kept at a warehouse (stock.bin_location),
 * shipments with their lines (the quantity of each order line a parcel
 * carried, delivered once the carrier says so), the parcels an order was
 * packed in, and the buyer's one rating of a delivered order.
 */
export class Fulfilment1764633600000 implements MigrationInterface {
  name = 'Fulfilment1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "delivery_ratings" ("order_id" uuid NOT NULL, "score" smallint NOT NULL, "comment" text, "rated_by" uuid, "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "delivery_ratings_score_check" CHECK (score BETWEEN 1 AND 5), CONSTRAINT "PK_f204cd54c1b4b0e4019abb4e31b" PRIMARY KEY ("order_id"))`);
    await queryRunner.query(`CREATE TABLE "order_packages" ("order_id" uuid NOT NULL, "package_no" integer NOT NULL, "weight_kg" numeric(9,3), CONSTRAINT "order_packages_weight_check" CHECK (weight_kg IS NULL OR weight_kg > 0), CONSTRAINT "PK_3f17dabdf7faa7958a68002e228" PRIMARY KEY ("order_id", "package_no"))`);
    await queryRunner.query(`CREATE TABLE "shipments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "carrier" text NOT NULL, "tracking_number" text NOT NULL, "shipped_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipped_by" uuid, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "shipments_delivered_check" CHECK (delivered_at IS NULL OR delivered_at >= shipped_at), CONSTRAINT "PK_6deda4532ac542a93eab214b564" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "shipments_order_idx" ON "shipments" ("order_id", "shipped_at") `);
    await queryRunner.query(`CREATE TABLE "shipment_lines" ("shipment_id" uuid NOT NULL, "order_line_id" uuid NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "shipment_lines_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_872ead3ba0cbba8f8deefc45a4f" PRIMARY KEY ("shipment_id", "order_line_id"))`);
    await queryRunner.query(`CREATE INDEX "shipment_lines_order_line_idx" ON "shipment_lines" ("order_line_id") `);
    await queryRunner.query(`ALTER TABLE "stock" ADD "bin_location" text`);
    await queryRunner.query(`ALTER TABLE "delivery_ratings" ADD CONSTRAINT "FK_f204cd54c1b4b0e4019abb4e31b" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "delivery_ratings" ADD CONSTRAINT "FK_42898874e63fe31145d117bbee4" FOREIGN KEY ("rated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_packages" ADD CONSTRAINT "FK_4bdc47d618c8a28b6c998accbb8" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipments" ADD CONSTRAINT "FK_e86fac2a18a75dcb82bfbb23f43" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipments" ADD CONSTRAINT "FK_1f998607db976fde4813276759e" FOREIGN KEY ("shipped_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipment_lines" ADD CONSTRAINT "FK_9c49c2d267d8baf4caa802826b8" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipment_lines" ADD CONSTRAINT "FK_9ba822ed09e2a9040f3b035d6a9" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "shipment_lines"`);
    await queryRunner.query(`DROP TABLE "shipments"`);
    await queryRunner.query(`DROP TABLE "order_packages"`);
    await queryRunner.query(`DROP TABLE "delivery_ratings"`);
    await queryRunner.query(`ALTER TABLE "stock" DROP COLUMN "bin_location"`);
  }
}
