import { randomBytes } from 'node:crypto';
import { withClient, withDatabase } from './global-setup';

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own on the run's server (the app migrates it as
 * it starts), for a test whose events worker must not share the run's
 * deliveries with the other files' workers: it would take their attempts,
 * and they its.
 */
export async function createOwnDatabase(): Promise<OwnDatabase> {
  const runUrl = process.env['TEST_DATABASE_URL'];
  if (!runUrl) throw new Error('TEST_DATABASE_URL is unset: run the API tests through jest (global setup)');
  const name = `tc_own_${randomBytes(6).toString('hex')}`;
  await withClient(runUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(runUrl, name),
    drop: async () => {
      await withClient(runUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
