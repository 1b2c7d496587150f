import { rmSync } from 'node:fs';
import { withClient } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embedded?: { stop(): Promise<void>; dataDir: string } }).__embedded;
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dataDir, { recursive: true, force: true });
  }
  const drop = process.env['TEST_DATABASE_DROP'];
  const serverUrl = process.env['DATABASE_URL'];
  if (drop && serverUrl) {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${drop} WITH (FORCE)`));
  }
}
