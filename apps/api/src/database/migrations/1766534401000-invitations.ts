import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invited users: an account user may be created without a password and set
 * one from an e-mailed single-use link (only the token's SHA-256 is kept).
 * Such a user's password_hash is a marker no password verifies against.
 */
export class Invitations1766534401000 implements MigrationInterface {
  name = 'Invitations1766534401000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_invitations" ("user_id" uuid NOT NULL, "token_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_26608b452c35698c0512c05ffd1" UNIQUE ("token_hash"), CONSTRAINT "PK_5b449d2aa47c4f912482e1d8f03" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "user_invitations" ADD CONSTRAINT "FK_5b449d2aa47c4f912482e1d8f03" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_invitations" ADD CONSTRAINT "FK_18241a1a2cb2d284716636b2340" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_invitations"`);
  }
}
