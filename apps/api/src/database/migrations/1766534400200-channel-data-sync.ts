import { MigrationInterface, QueryRunner } from 'typeorm';

/** An integration's key may be allowed to sync the admin's data (products, prices, accounts, stock). */
export class ChannelDataSync1766534400200 implements MigrationInterface {
  name = 'ChannelDataSync1766534400200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channels" ADD "data_sync" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "data_sync"`);
  }
}
