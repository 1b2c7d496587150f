import { existsSync, promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Client } from 'pg';
import { type EmbeddedDatabase, locateBinaries, startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * A primary and a streaming standby of it, from the PostgreSQL binaries the
 * embedded default ships (what `npm start` runs, so CI has them). That
 * package has no pg_basebackup, and the machine's may be of another major
 * version than its server (a standby must match its primary), so the base
 * backup is taken as pg_basebackup takes it, with the server's own
 * functions: pg_backup_start, a copy of the data directory,
 * pg_backup_stop's backup_label; then standby.signal and primary_conninfo
 * (pg_basebackup -R) and a replication slot that keeps the WAL the standby
 * still needs. The embedded start runs both as `postgres` under root.
 */
export interface StreamingReplica {
  primaryUrl: string;
  standbyUrl: string;
  /** Stops both servers and removes their directories; safe to call whatever failed before. */
  stop(): Promise<void>;
}

const SLOT = 'tc_reports_replica';
const CLUSTER_DIR = 'pgdata';
/** What pg_basebackup leaves out: the server's own state, and WAL (streamed from the slot instead). */
const EMPTIED = [
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];
const SKIPPED = ['postmaster.pid', 'postmaster.opts', 'backup_label.old', 'tablespace_map.old'];

/** Where the embedded binaries are missing, the reason; else undefined. */
export function replicaUnavailable(): string | undefined {
  try {
    const binaries = locateBinaries();
    const missing = [binaries.initdb, binaries.postgres].filter((file) => !existsSync(file));
    return missing.length ? `missing ${missing.join(', ')}` : undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function startStreamingReplica(database = 'tradecounter'): Promise<StreamingReplica> {
  const primaryDir = await fs.mkdtemp(join(tmpdir(), 'tc-replica-primary-'));
  const standbyDir = await fs.mkdtemp(join(tmpdir(), 'tc-replica-standby-'));
  const servers: EmbeddedDatabase[] = [];
  const stop = async () => {
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    for (const dir of [standbyDir, primaryDir]) await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    const primary = await startEmbeddedPostgres({ dataDir: primaryDir, database });
    servers.push(primary);
    await baseBackup(primary.url, join(primaryDir, CLUSTER_DIR), join(standbyDir, CLUSTER_DIR));
    // The same user and password as the primary (the backup holds its roles), on a port of its own.
    const state = JSON.parse(await fs.readFile(join(primaryDir, 'embedded.json'), 'utf8')) as object;
    await fs.writeFile(
      join(standbyDir, 'embedded.json'),
      JSON.stringify({ ...state, port: await freePort() }),
      {
        mode: 0o600,
      },
    );
    const standby = await startEmbeddedPostgres({ dataDir: standbyDir, database });
    servers.push(standby);
    return { primaryUrl: primary.url, standbyUrl: standby.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function baseBackup(primaryUrl: string, from: string, to: string): Promise<void> {
  const client = new Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_create_physical_replication_slot($1, true)`, [SLOT]);
    await client.query(`SELECT pg_backup_start('tc-reports-replica', true)`);
    await fs.cp(from, to, {
      recursive: true,
      filter: (source) => {
        const path = relative(from, source);
        const [top, ...rest] = path.split(sep);
        if (SKIPPED.includes(path)) return false;
        return !(EMPTIED.includes(top ?? '') && rest.length > 0);
      },
    });
    const { rows } = await client.query<{ labelfile: string }>(`SELECT labelfile FROM pg_backup_stop(false)`);
    await fs.writeFile(join(to, 'backup_label'), rows[0]?.labelfile ?? '');
  } finally {
    await client.end();
  }
  const url = new URL(primaryUrl);
  const conninfo = [
    `host=${url.hostname}`,
    `port=${url.port}`,
    `user=${decodeURIComponent(url.username)}`,
    `password=${decodeURIComponent(url.password)}`,
    `application_name=${SLOT}`,
  ].join(' ');
  await fs.writeFile(join(to, 'standby.signal'), '');
  await fs.appendFile(
    join(to, 'postgresql.auto.conf'),
    `primary_conninfo = '${conninfo}'\nprimary_slot_name = '${SLOT}'\nhot_standby = on\nhot_standby_feedback = on\n`,
  );
  await fs.chmod(to, 0o700);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
