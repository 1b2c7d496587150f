import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface CarrierTrackingRow {
  carrier: string;
  urlTemplate: string;
  updatedAt: Date;
}

const COLUMNS = `carrier, url_template AS "urlTemplate", updated_at AS "updatedAt"`;

/** The carriers' tracking URL templates; a carrier is matched case-insensitively. */
@Injectable()
export class CarrierTrackingRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<CarrierTrackingRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM carrier_tracking ORDER BY lower(carrier)`,
    ) as Promise<CarrierTrackingRow[]>;
  }

  /** The carrier's row locked for a change, by any spelling of its name. */
  async lock(tx: EntityManager, carrier: string): Promise<CarrierTrackingRow | undefined> {
    const rows = (await tx.query(
      `SELECT ${COLUMNS} FROM carrier_tracking WHERE lower(carrier) = lower($1) FOR UPDATE`,
      [carrier],
    )) as CarrierTrackingRow[];
    return rows[0];
  }

  /** Sets the template, keeping the stored spelling of a known carrier's name. */
  async upsert(tx: EntityManager, carrier: string, urlTemplate: string): Promise<CarrierTrackingRow> {
    const rows = (await tx.query(
      `INSERT INTO carrier_tracking (carrier, url_template) VALUES ($1, $2)
       ON CONFLICT (carrier) DO UPDATE SET url_template = EXCLUDED.url_template, updated_at = now()
       RETURNING ${COLUMNS}`,
      [carrier, urlTemplate],
    )) as CarrierTrackingRow[];
    return rows[0] as CarrierTrackingRow;
  }

  async remove(tx: EntityManager, carrier: string): Promise<void> {
    await tx.query('DELETE FROM carrier_tracking WHERE carrier = $1', [carrier]);
  }
}
