import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';

/**
 * The rollups count days in the deployment's time zone. At start-up, if
 * TIME_ZONE differs from the one they were built in, they are rebuilt in
 * one transaction, with order writes held off meanwhile (a SHARE lock on
 * orders); an advisory lock keeps two instances from doing it twice.
 */
@Injectable()
export class ReportSettingsSync implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportSettingsSync.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('report_settings', 0))`);
      const [row] = (await tx.query('SELECT time_zone AS "timeZone" FROM report_settings')) as {
        timeZone: string;
      }[];
      if (row?.timeZone === this.config.timeZone) return;
      this.logger.log(
        `Rebuilding report rollups for time zone ${this.config.timeZone} (was ${row?.timeZone})`,
      );
      await tx.query(
        'LOCK TABLE orders, order_lines, shipments, shipment_lines, delivery_ratings IN SHARE MODE',
      );
      await tx.query(
        `INSERT INTO report_settings (id, time_zone) VALUES (true, $1)
         ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
        [this.config.timeZone],
      );
      for (const sql of ROLLUP_REBUILD_SQL) await tx.query(sql, [null]);
    });
  }
}
