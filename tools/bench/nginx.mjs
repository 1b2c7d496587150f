// nginx in front of several API processes, as deploy/nginx/tradecounter.conf sets it up
// (round-robin, keep-alive to the upstreams), run as the current user from a scratch directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const CONFIG = resolve('deploy/nginx/tradecounter.conf');

/** Starts nginx for `upstreams` (host:port each); resolves once a request reaches an API process. */
export async function startNginx(upstreams) {
  if (!existsSync(NGINX)) throw new Error(`no nginx at ${NGINX} (apt-get install nginx, or NGINX_PATH)`);
  const prefix = mkdtempSync(join(tmpdir(), 'tc-bench-nginx-'));
  const port = await freePort();
  const config = readFileSync(CONFIG, 'utf8')
    .replace('{{LISTEN}}', `127.0.0.1:${port}`)
    .replace(
      '{{SERVERS}}',
      upstreams.map((upstream) => `server ${upstream} max_fails=1 fail_timeout=5s;`).join('\n    '),
    );
  writeFileSync(join(prefix, 'nginx.conf'), config);
  // nginx reads NGINX as a list of inherited sockets (NGINX=1 selects the bench's mode): not passed on.
  const env = { ...process.env };
  delete env.NGINX;
  const child = spawn(
    NGINX,
    ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < 15_000 && child.exitCode === null) {
    const status = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { baseUrl, stop };
    await sleep(50);
  }
  await stop();
  throw new Error('nginx did not pass a request through within 15 s');
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}
