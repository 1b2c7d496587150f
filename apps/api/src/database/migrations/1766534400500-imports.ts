import { MigrationInterface, QueryRunner } from 'typeorm';

/** Import runs and their rows, in the database so any API process can report on a run another one is doing. */
export class Imports1766534400500 implements MigrationInterface {
  name = 'Imports1766534400500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "file_name" text NOT NULL, "format" text NOT NULL, "columns" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL, "done" integer NOT NULL DEFAULT '0', "total" integer, "create_count" integer NOT NULL DEFAULT '0', "update_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "error_count" integer NOT NULL DEFAULT '0', "failure" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "committed_at" TIMESTAMP WITH TIME ZONE, "cancel_requested" boolean NOT NULL DEFAULT false, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "import_runs_status_check" CHECK (status IN ('validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')), CONSTRAINT "PK_2f4f95d6fde4a7602f6b79f10e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "import_runs_created_idx" ON "import_runs" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "import_rows" ("import_id" uuid NOT NULL, "row" integer NOT NULL, "key" text NOT NULL, "action" text NOT NULL, "errors" jsonb NOT NULL, "values" jsonb NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_dd8a1f8f02efacd44fd2fff78d1" PRIMARY KEY ("import_id", "row"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_runs" ADD CONSTRAINT "FK_50bc852384bc24f3ef6b8a9e72e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_rows" ADD CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f" FOREIGN KEY ("import_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_rows"`);
    await queryRunner.query(`DROP TABLE "import_runs"`);
  }
}
