import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integration keys bound to accounts: channel_accounts names the accounts a
 * channel's key may order for; `all_accounts` opens it to every account and
 * `allow_addresses` lets its orders carry a ship-to address. New channels
 * default to neither (bound to nobody). Channels that already exist were
 * able to do both, and a live integration must not break on upgrade, so
 * they keep both; an admin narrows them in the portal (Channels page, where
 * "All accounts" shows a warning).
 */
export class ChannelAccounts1765152000000 implements MigrationInterface {
  name = 'ChannelAccounts1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "channel_accounts" ("channel_id" uuid NOT NULL, "account_id" uuid NOT NULL, CONSTRAINT "PK_762f3a9a49d8e77ad926e1bc1c2" PRIMARY KEY ("channel_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "channel_accounts_account_idx" ON "channel_accounts" ("account_id") `);
    await queryRunner.query(`ALTER TABLE "channels" ADD "all_accounts" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "channels" ADD "allow_addresses" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "channel_accounts" ADD CONSTRAINT "FK_3e7d30938a1a033c3fc3156fcb3" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "channel_accounts" ADD CONSTRAINT "FK_d27a6f2e7ccb3debbc38cc5457e" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`UPDATE "channels" SET "all_accounts" = true, "allow_addresses" = true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "allow_addresses"`);
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "all_accounts"`);
    await queryRunner.query(`DROP TABLE "channel_accounts"`);
  }
}
