import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import * as ts from 'typescript';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

jest.setTimeout(120_000);

/** One cluster, used in order: first start, restart on the same data, recovery after a crash. */
describe('startEmbeddedPostgres', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tc-embedded-pg-'));
  const dataDir = path.join(root, 'data');
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  let database: EmbeddedDatabase | undefined;

  afterEach(async () => {
    await database?.stop();
    database = undefined;
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('initialises a cluster, creates the database and answers queries', async () => {
    database = await startEmbeddedPostgres({ dataDir, database: 'tc_spec', log });

    expect(database.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/tc_spec$/);
    expect(portOf(database.url)).not.toBe(5432);
    expect(await query(database.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await query(database.url, 'create table survivor (note text)');
    await query(database.url, 'insert into survivor values ($1)', ['run 1']);
    expect(lines.some((line) => line.includes('initialising a new PostgreSQL cluster'))).toBe(true);
  });

  it('stops idempotently', async () => {
    const started = await startEmbeddedPostgres({ dataDir, database: 'tc_spec' });
    await started.stop();
    await started.stop();
    await expect(query(started.url, 'select 1')).rejects.toThrow();
  });

  it('reuses the data and the port on a second start', async () => {
    const firstPort = JSON.parse(readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')).port as number;
    lines.length = 0;

    database = await startEmbeddedPostgres({ dataDir, database: 'tc_spec', log });

    expect(portOf(database.url)).toBe(firstPort);
    expect(await query(database.url, 'select note from survivor')).toEqual([{ note: 'run 1' }]);
    expect(lines.some((line) => line.includes('initialising'))).toBe(false);
  });

  it('refuses a data dir whose server another live process runs, and recovers once that process is SIGKILLed', async () => {
    const owner = await startInChild(dataDir, root);
    await expect(startEmbeddedPostgres({ dataDir, database: 'tc_spec' })).rejects.toThrow(
      /is in use by a PostgreSQL/,
    );

    const orphanPid = await owner.killHard();
    expect(isAlive(orphanPid)).toBe(true); // the orphaned server lives on and holds postmaster.pid
    lines.length = 0;
    database = await startEmbeddedPostgres({ dataDir, database: 'tc_spec', log });

    expect(await query(database.url, 'select note from survivor')).toEqual([{ note: 'run 1' }]);
    expect(isAlive(orphanPid)).toBe(false);
    expect(lines.some((line) => line.includes(`PostgreSQL (pid ${orphanPid}) left by an earlier run`))).toBe(
      true,
    );
  });

  it('removes a postmaster.pid whose process is gone', async () => {
    writeFileSync(
      path.join(dataDir, 'pgdata', 'postmaster.pid'),
      `4194000\n${path.join(dataDir, 'pgdata')}\n`,
    );
    lines.length = 0;

    database = await startEmbeddedPostgres({ dataDir, database: 'tc_spec', log });

    expect(lines.some((line) => line.includes('removing stale'))).toBe(true);
    expect(await query(database.url, 'select count(*)::int as n from survivor')).toEqual([{ n: 1 }]);
  });

  it('moves to another port when its port is taken, keeping the data', async () => {
    const statePort = () =>
      JSON.parse(readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')).port as number;
    const taken = statePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve));
    try {
      database = await startEmbeddedPostgres({ dataDir, database: 'tc_spec' });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }

    expect(portOf(database.url)).not.toBe(taken);
    expect(statePort()).toBe(portOf(database.url));
    expect(await query(database.url, 'select note from survivor')).toEqual([{ note: 'run 1' }]);
  });

  it('explains why the server could not start', async () => {
    const brokenDir = path.join(root, 'broken');
    database = await startEmbeddedPostgres({ dataDir: brokenDir, database: 'tc_spec' });
    await database.stop();
    database = undefined;
    writeFileSync(path.join(brokenDir, 'pgdata', 'postgresql.auto.conf'), 'shared_buffers = nonsense\n');

    await expect(startEmbeddedPostgres({ dataDir: brokenDir })).rejects.toThrow(
      /failed to start[\s\S]*shared_buffers/,
    );
  });
});

async function query(url: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const result = await client.query(sql, params);
    return result.rows;
  } finally {
    await client.end();
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = (() => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return '';
    }
  })();
  return !/^\d+ \(.*\) Z/.test(stat);
}

/**
 * Another node process (the test process must not be killed) starts the
 * server; killHard() SIGKILLs it like a crash and returns the pid of the
 * postgres it leaves behind.
 */
async function startInChild(dataDir: string, scratch: string): Promise<{ killHard(): Promise<number> }> {
  const compiled = ts.transpileModule(readFileSync(path.join(__dirname, 'embedded-postgres.ts'), 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const modulePath = path.join(scratch, 'embedded-postgres.js');
  writeFileSync(modulePath, compiled.outputText);
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(modulePath)});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, database: 'tc_spec' }).then(
      () => { console.log('ready'); setInterval(() => undefined, 1000); },
      (error) => { console.error(error); process.exit(1); },
    );`;
  const nodeModules = path.dirname(path.dirname(require.resolve('pg/package.json')));
  const child = spawn(process.execPath, ['-e', script], {
    cwd: path.dirname(nodeModules),
    env: { ...process.env, NODE_PATH: nodeModules },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    void exited.then(() => reject(new Error('the child exited before the server was ready')));
  });
  return {
    async killHard() {
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      return Number.parseInt(
        readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0],
        10,
      );
    },
  };
}
