import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit exposure as a running total per account (see AccountExposureEntity),
 * started from the orders already there.
 */
export class AccountExposure1764723600000 implements MigrationInterface {
  name = 'AccountExposure1764723600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_exposure" ("account_id" uuid NOT NULL, "exposure" numeric(14,2) NOT NULL DEFAULT '0', CONSTRAINT "account_exposure_check" CHECK (exposure >= 0), CONSTRAINT "PK_08b204e94d626d9a771bbdb9cfb" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`ALTER TABLE "account_exposure" ADD CONSTRAINT "FK_08b204e94d626d9a771bbdb9cfb" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO "account_exposure" ("account_id", "exposure")
      SELECT account_id, sum(subtotal) FROM orders
       WHERE paid_at IS NULL AND status NOT IN ('cancelled', 'rejected') GROUP BY account_id`);
    // Nothing sums the open orders any more.
    await queryRunner.query(`DROP INDEX "orders_exposure_idx"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "orders_exposure_idx" ON "orders" ("account_id", "subtotal") WHERE paid_at IS NULL AND status NOT IN ('cancelled', 'rejected')`);
    await queryRunner.query(`DROP TABLE "account_exposure"`);
  }
}
