import { startTestApp, TestApp } from '../test-support/test-app';

/** CI fails when an entity changes without a migration (or the reverse). */
describe('schema', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('matches the entities exactly after all migrations', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('has no migration left to run', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
  });
});
