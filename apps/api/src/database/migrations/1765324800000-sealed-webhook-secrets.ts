import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets encrypted at rest (common/crypto/sealed-secret.ts). SQL
 * cannot encrypt with the application's DATA_KEY, so this marks each secret
 * stored so far `plain:<secret>`, which no sealed value (`v1:…`) can be
 * mistaken for, and the API seals the marked ones when it starts
 * (WebhookSecretSealer) and reads either kind meanwhile. The check keeps any
 * unmarked plaintext out from now on.
 *
 * Down strips the marks, but cannot decrypt: it refuses while any secret is
 * sealed (rotate those secrets after going back, or restore a backup).
 */
export class SealedWebhookSecrets1765324800000 implements MigrationInterface {
  name = 'SealedWebhookSecrets1765324800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "webhook_subscriptions" SET "secret" = 'plain:' || "secret"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_secret_sealed_check" CHECK (secret LIKE 'v1:%' OR secret LIKE 'plain:%')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [sealed] = (await queryRunner.query(
      `SELECT count(*)::int AS count FROM "webhook_subscriptions" WHERE "secret" NOT LIKE 'plain:%'`,
    )) as { count: number }[];
    if (sealed && sealed.count > 0)
      throw new Error(`${sealed.count} webhook secrets are encrypted with DATA_KEY; SQL cannot decrypt them`);
    await queryRunner.query(
      `ALTER TABLE "webhook_subscriptions" DROP CONSTRAINT "webhook_subscriptions_secret_sealed_check"`,
    );
    await queryRunner.query(`UPDATE "webhook_subscriptions" SET "secret" = substr("secret", 7)`);
  }
}
