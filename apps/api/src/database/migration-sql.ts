/**
 * Prints the SQL that would bring a database in line with the entities.
 * Used to write a new migration (`npm run db:diff`) and, in the API tests,
 * to prove that entities and migrations have not drifted apart.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('Set DATABASE_URL to a database that has all migrations applied');
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    for (const query of sql.upQueries) console.log(`${query.query};`);
    if (sql.upQueries.length === 0) console.log('-- no drift: the entities match the migrations');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
