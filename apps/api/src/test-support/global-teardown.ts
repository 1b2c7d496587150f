import { withClient } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embedded?: { stop(): Promise<void> } }).__embedded;
  if (embedded) await embedded.stop();
  const drop = process.env['TEST_DATABASE_DROP'];
  const serverUrl = process.env['DATABASE_URL'];
  if (drop && serverUrl) {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${drop} WITH (FORCE)`));
  }
}
