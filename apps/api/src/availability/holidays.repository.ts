import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsoDate, NamedHoliday } from '@tradecounter/contracts';
import type { HolidayToSave } from './holiday-list.pipe';

@Injectable()
export class HolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(manager: EntityManager = this.dataSource.manager): Promise<IsoDate[]> {
    return (await this.named(manager)).map((holiday) => holiday.date);
  }

  async named(manager: EntityManager = this.dataSource.manager): Promise<NamedHoliday[]> {
    return (await manager.query(
      'SELECT date::text AS date, name FROM holidays ORDER BY date',
    )) as NamedHoliday[];
  }

  /** One writer at a time, so two replacements never interleave. */
  async lock(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('holidays'))`);
  }

  /** Exactly these dates afterwards; a holiday whose name is undefined keeps the one it has. */
  async replace(tx: EntityManager, holidays: HolidayToSave[]): Promise<void> {
    const rows = JSON.stringify(
      holidays.map((holiday) => ({
        date: holiday.date,
        name: holiday.name ?? null,
        keep: holiday.name === undefined,
      })),
    );
    await tx.query('DELETE FROM holidays WHERE NOT (date = ANY($1::date[]))', [holidays.map((h) => h.date)]);
    await tx.query(
      `INSERT INTO holidays (date, name)
       SELECT d.date, d.name FROM jsonb_to_recordset($1::jsonb) AS d(date date, name text, keep boolean)
       ON CONFLICT (date) DO NOTHING`,
      [rows],
    );
    await tx.query(
      `UPDATE holidays h SET name = d.name
         FROM jsonb_to_recordset($1::jsonb) AS d(date date, name text, keep boolean)
        WHERE h.date = d.date AND NOT d.keep AND h.name IS DISTINCT FROM d.name`,
      [rows],
    );
  }
}
