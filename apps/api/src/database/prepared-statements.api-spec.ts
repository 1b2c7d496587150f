import { QueryFailedError } from 'typeorm';
import { startTestApp, TestApp } from '../test-support/test-app';
import { prepared, preparedNames, preparedStatementsEnabled } from './prepared-statements';

const PLUS_ONE = prepared('spec_plus_one', 'SELECT $1::int + 1 AS n');
const DIVIDE = prepared('spec_divide', 'SELECT 100 / $1::int AS q');
const UNMARKED = 'SELECT $1::int * 2 AS doubled';

/** What the connection a transaction runs on has prepared (a query without parameters is never prepared). */
async function preparedOnConnection(
  query: (sql: string) => Promise<unknown>,
): Promise<{ name: string; statement: string }[]> {
  return (await query(
    `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'spec_%' OR statement LIKE '%doubled%' ORDER BY name`,
  )) as { name: string; statement: string }[];
}

/** Marked statements run by name on the app's real pool; unmarked ones as before. */
describe('prepared statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('parses a marked statement once per connection and runs it by name after', async () => {
    await t.dataSource.transaction(async (tx) => {
      expect(await tx.query(PLUS_ONE, [1])).toEqual([{ n: 2 }]);
      expect(await tx.query(PLUS_ONE, [41])).toEqual([{ n: 42 }]);
      expect(await tx.query(UNMARKED, [21])).toEqual([{ doubled: 42 }]);
      const names = await preparedOnConnection((sql) => tx.query(sql));
      expect(names).toEqual([{ name: 'spec_plus_one', statement: PLUS_ONE }]);
    });
  });

  it('fails as an unprepared statement does, and the statement works again after the rollback', async () => {
    const failure = await t.dataSource
      .transaction(async (tx) => {
        expect(await tx.query(DIVIDE, [4])).toEqual([{ q: 25 }]);
        await tx.query(DIVIDE, [0]);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
    // Every pool connection, whether or not it prepared it before, still runs it.
    const answers = await Promise.all(
      [1, 2, 5, 10, 20].map((divisor) =>
        t.dataSource.transaction((tx) => tx.query(DIVIDE, [divisor]) as Promise<{ q: number }[]>),
      ),
    );
    expect(answers.map(([row]) => row?.q)).toEqual([100, 50, 20, 10, 5]);
  });

  it('names the statements of placing an order', () => {
    // A rename or an edit that drops the mark would slow placement again without failing anything else.
    const names = [
      'orders_claim_idempotency_key',
      'products_for_order',
      'accounts_lock_for_ordering',
      'pricing_context',
      'orders_placement_facts',
      'supply_lock_stock_and_receipts',
      'orders_insert_placed',
      'audit_insert_many',
      'outbox_claim',
      'outbox_mark_dispatched',
      'notifications_insert_for_events',
      'webhooks_fan_out',
    ];
    // The app's modules are loaded by startTestApp, so every mark has run.
    const marked = names.filter((name) => preparedNames().includes(name));
    expect(marked).toEqual(names);
  });

  it('refuses one name for two statements, and a setting other than true or false', () => {
    expect(() => prepared('spec_plus_one', 'SELECT 2')).toThrow(
      'Two statements are prepared as spec_plus_one',
    );
    expect(() => prepared('spec_other', PLUS_ONE)).toThrow(
      'One statement is prepared as spec_plus_one and spec_other',
    );
    expect(preparedStatementsEnabled({})).toBe(true);
    expect(preparedStatementsEnabled({ DB_PREPARED_STATEMENTS: 'false' })).toBe(false);
    expect(() => preparedStatementsEnabled({ DB_PREPARED_STATEMENTS: 'no' })).toThrow(
      'DB_PREPARED_STATEMENTS must be true or false, not "no"',
    );
  });
});
