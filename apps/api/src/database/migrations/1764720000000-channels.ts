import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations that place orders (POST /api/channel-orders): a name that is
 * the channel their orders record, and the SHA-256 of an API key found by
 * its public prefix. Orders already carry (channel, external_ref), unique.
 */
export class Channels1764720000000 implements MigrationInterface {
  name = 'Channels1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "key_prefix" text NOT NULL, "key_hash" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_d01dd8a8e614e01b6ee24664661" UNIQUE ("name"), CONSTRAINT "UQ_c86c294281cc5c5eeede33977a9" UNIQUE ("key_prefix"), CONSTRAINT "channels_name_check" CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,39}$' AND name NOT IN ('portal', 'phone', 'api', 'csv')), CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "channels" ADD CONSTRAINT "FK_2573c3526ed4a83cc830762012e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "channels"`);
  }
}
