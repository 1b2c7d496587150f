import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsoDate } from '@tradecounter/contracts';

@Injectable()
export class HolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(manager: EntityManager = this.dataSource.manager): Promise<IsoDate[]> {
    const rows = (await manager.query('SELECT date::text AS date FROM holidays ORDER BY date')) as {
      date: IsoDate;
    }[];
    return rows.map((row) => row.date);
  }

  /** One writer at a time, so two replacements never interleave. */
  async lock(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('holidays'))`);
  }

  async replace(tx: EntityManager, dates: IsoDate[]): Promise<void> {
    await tx.query('DELETE FROM holidays WHERE NOT (date = ANY($1::date[]))', [dates]);
    await tx.query('INSERT INTO holidays (date) SELECT unnest($1::date[]) ON CONFLICT DO NOTHING', [dates]);
  }
}
