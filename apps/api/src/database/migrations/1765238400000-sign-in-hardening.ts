import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in that cannot be turned against users: failed-login counters shared
 * by every API process (login_failures), refresh-token families (a session
 * id on each token, every rotation keeping it) and the sessions ended early
 * (revoked_sessions: signed out, or a spent refresh token presented again).
 */
export class SignInHardening1765238400000 implements MigrationInterface {
  name = 'SignInHardening1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_failures" ("scope" text NOT NULL, "subject" text NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "login_failures_scope_check" CHECK (scope IN ('email_client', 'client')), CONSTRAINT "PK_71d0934812987a0d686685d3bbc" PRIMARY KEY ("scope", "subject"))`);
    await queryRunner.query(`CREATE INDEX "login_failures_last_failure_idx" ON "login_failures" ("last_failure_at") `);
    await queryRunner.query(`CREATE TABLE "revoked_sessions" ("session_id" uuid NOT NULL, "reason" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "revoked_sessions_reason_check" CHECK (reason IN ('logout', 'reuse')), CONSTRAINT "PK_678f5aeda3869db7005991be536" PRIMARY KEY ("session_id"))`);
    await queryRunner.query(`CREATE INDEX "revoked_sessions_expires_idx" ON "revoked_sessions" ("expires_at") `);
    // Tokens issued before this migration each become a session of their own.
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "session_id" uuid`);
    await queryRunner.query(`UPDATE "refresh_tokens" SET "session_id" = "id"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ALTER COLUMN "session_id" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "session_id"`);
    await queryRunner.query(`DROP TABLE "revoked_sessions"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
