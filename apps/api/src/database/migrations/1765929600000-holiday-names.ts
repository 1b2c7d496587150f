import { MigrationInterface, QueryRunner } from 'typeorm';

/** Holidays get an optional name ("Christmas Day"); the dates saved so far keep none. */
export class HolidayNames1765929600000 implements MigrationInterface {
  name = 'HolidayNames1765929600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "holidays" ADD "name" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "holidays" DROP COLUMN "name"`);
  }
}
