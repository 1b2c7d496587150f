import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carriers' tracking pages as URL templates (settings an admin edits), with
 * the four usual carriers to start; a shipment's tracking number links to
 * its carrier's page.
 */
export class CarrierTracking1765497600000 implements MigrationInterface {
  name = 'CarrierTracking1765497600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "carrier_tracking" ("carrier" text NOT NULL, "url_template" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db0a4fcc77e3294b6a5dffc7a83" PRIMARY KEY ("carrier"))`,
    );
    await queryRunner.query(
      `INSERT INTO "carrier_tracking" ("carrier", "url_template") VALUES
        ('UPS', 'https://www.ups.com/track?tracknum={trackingNumber}'),
        ('FedEx', 'https://www.fedex.com/fedextrack/?trknbr={trackingNumber}'),
        ('USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}'),
        ('DHL', 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={trackingNumber}')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "carrier_tracking"`);
  }
}
