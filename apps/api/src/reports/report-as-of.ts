import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

/**
 * The time the data a report reads is current to (docs/reports.md, "Read
 * replica"):
 * - on the primary, now(): the rollups are kept in the order transactions,
 *   so whatever has committed is in them;
 * - on a standby that has applied all the WAL it has received and is still
 *   streaming (a WAL receiver runs), now() too: it is behind the primary by
 *   the network only. The time of the last replayed commit would be wrong
 *   here: on an idle primary it grows old while the replica is current;
 * - on a standby with received WAL not yet applied (replay slower than the
 *   primary, or paused), or no longer streaming, the commit time of the
 *   last transaction it replayed: everything committed before it is there.
 *   Right after the standby starts and before it replays a commit, its
 *   start time (the best it can say).
 */
const AS_OF_SQL = `
  SELECT CASE
           WHEN NOT pg_is_in_recovery() THEN now()
           WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                AND EXISTS (SELECT FROM pg_stat_wal_receiver) THEN now()
           ELSE coalesce(pg_last_xact_replay_timestamp(), pg_postmaster_start_time())
         END AS "asOf"`;

@Injectable()
export class ReportAsOf {
  constructor(@Inject(REPORTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Ask before a report's own queries: they run after it (on other
   * connections of the pool), so they see at least what it vouches for.
   */
  async read(): Promise<string> {
    const [row] = (await this.dataSource.query(AS_OF_SQL)) as { asOf: Date }[];
    if (!row) throw new Error('The freshness query returned no row');
    return row.asOf.toISOString();
  }
}
