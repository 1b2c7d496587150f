import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../../..');

/** Debian's nginx package; NGINX_PATH for another. */
export const NGINX_PATH = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

/** The load balancer's configuration kept in the repository, with {{LISTEN}} and {{SERVERS}} to fill. */
export const NGINX_CONFIG = join(REPO_ROOT, 'deploy/nginx/tradecounter.conf');

export interface Nginx {
  baseUrl: string;
  /** The access log so far: one line per request, ending with the upstream address that answered. */
  accessLog(): string;
  stop(): Promise<void>;
}

export function nginxInstalled(): boolean {
  return existsSync(NGINX_PATH);
}

/**
 * nginx with the repository's configuration in front of `upstreams`
 * (host:port each), on a free loopback port, run as the current user with
 * everything (pid, logs, temp files) in a scratch directory. Resolves once
 * a request through it reaches an API process.
 */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'tc-nginx-'));
  const port = await freePort();
  const config = readFileSync(NGINX_CONFIG, 'utf8')
    .replace('{{LISTEN}}', `127.0.0.1:${port}`)
    .replace(
      '{{SERVERS}}',
      upstreams.map((upstream) => `server ${upstream} max_fails=1 fail_timeout=5s;`).join('\n    '),
    );
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  // nginx reads NGINX as a list of inherited sockets: never pass one on.
  const { NGINX: _sockets, ...env } = process.env;
  const child = spawn(NGINX_PATH, ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', configFile], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const nginx: Nginx = {
    baseUrl,
    accessLog: () => readFileSync(join(prefix, 'access.log'), 'utf8'),
    stop: async () => {
      await stopChild(child);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const status = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return nginx;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
  await nginx.stop();
  throw new Error(`nginx did not pass a request through within 15 s: ${errors}${log}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    // nginx's fast shutdown: the master stops its workers and exits.
    child.kill('SIGTERM');
  });
}

/** A port nothing listens on now (nginx needs a number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
