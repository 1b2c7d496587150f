import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The return-rate report (reports/return-rate.repository.ts) counts the
 * units of shipments delivered in a period: an index on the delivery time
 * makes that a range read of the period's shipments, not a scan of every
 * shipment ever. Partial: shipments still with the carrier are never read.
 */
export class DeliveredShipmentsIndex1766448000500 implements MigrationInterface {
  name = 'DeliveredShipmentsIndex1766448000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "shipments_delivered_idx" ON "shipments" ("delivered_at") WHERE delivered_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "shipments_delivered_idx"`);
  }
}
