/**
 * The API in a process of its own, for tests that must kill it (SIGKILL)
 * and start it again. Configured by the environment as main.ts is, but on
 * an existing database and without the demo; prints `LISTENING <port>` once up.
 *
 *   SWC_NODE_PROJECT=apps/api/tsconfig.spec.json node -r @swc-node/register apps/api/src/test-support/serve-api.ts
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('serve-api needs DATABASE_URL');
  const app = await createApp(config, config.databaseUrl);
  await app.listen(config.port, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`LISTENING ${address.port}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
