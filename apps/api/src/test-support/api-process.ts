import { ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_WEBHOOK_ENV } from './test-app';

const REPO_ROOT = join(__dirname, '../../../..');

export interface ApiProcess {
  process: ChildProcess;
  baseUrl: string;
}

/**
 * The API in a child process on a port of its own, on the test run's
 * database (serve-api.ts), for tests that kill it with SIGKILL and start it
 * again. `env` adds settings (the events worker, its timeouts, …).
 */
export async function startApiProcess(
  dataDir: string,
  jwtSecret: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    ['-r', require.resolve('@swc-node/register'), join(__dirname, 'serve-api.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(__dirname, '../../tsconfig.spec.json'),
        NODE_ENV: 'test',
        DATABASE_URL: process.env['TEST_DATABASE_URL'],
        PORT: '0',
        DATA_DIR: dataDir,
        JWT_SECRET: jwtSecret,
        ...TEST_WEBHOOK_ENV,
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        DB_POOL_SIZE: '10',
        PORTAL_DIR: join(tmpdir(), 'tc-no-portal'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start in 90 s: ${errors}`)), 90_000);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}: ${errors}`));
    });
  });
  return { process: child, baseUrl: `http://127.0.0.1:${port}` };
}

export function kill(server: ApiProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once('exit', () => resolve());
    server.process.kill(signal);
  });
}
