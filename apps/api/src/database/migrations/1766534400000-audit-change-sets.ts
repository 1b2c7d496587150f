import { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit entries name the import (change set) that wrote them, so an import's rows read as one change. */
export class AuditChangeSets1766534400000 implements MigrationInterface {
  name = 'AuditChangeSets1766534400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD "change_set_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "audit_entries_change_set_idx" ON "audit_entries" ("change_set_id") WHERE change_set_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_entries_change_set_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "change_set_id"`);
  }
}
