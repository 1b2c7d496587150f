import { withClient } from '../test-support/global-setup';
import { CITUS_KEY_WORK, DISTRIBUTION_COLUMN, TABLE_PLACEMENT, TableScope } from './distribution';

interface Key {
  table: string;
  name: string;
  columns: string[];
}
interface ForeignKey extends Key {
  references: string;
  referencedColumns: string[];
}

/**
 * The schema after every migration (the run's database, as
 * schema-drift.api-spec.ts sees it) against the placement map of
 * distribution.ts: every table placed on purpose, account tables carrying
 * `account_id`, and no foreign key Citus could not keep.
 */
describe('table distribution', () => {
  let tables: string[];
  let accountIdColumns: Map<string, { nullable: boolean }>;
  let primaryKeys: Key[];
  let uniqueKeys: Key[];
  let foreignKeys: ForeignKey[];

  beforeAll(async () => {
    const url = process.env['TEST_DATABASE_URL'];
    if (!url) throw new Error('TEST_DATABASE_URL is unset: run the API tests through jest (global setup)');
    await withClient(url, async (client) => {
      tables = (
        await client.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
        )
      ).rows.map((row) => row.name);
      accountIdColumns = new Map(
        (
          await client.query<{ table: string; nullable: boolean }>(
            `SELECT table_name AS table, is_nullable = 'YES' AS nullable FROM information_schema.columns
              WHERE table_schema = 'public' AND column_name = $1`,
            [DISTRIBUTION_COLUMN],
          )
        ).rows.map((row) => [row.table, { nullable: row.nullable }]),
      );
      const constraints = (
        await client.query<ForeignKey & { type: 'p' | 'u' | 'f' }>(
          `SELECT c.contype AS type, c.conname AS name, t.relname AS table, r.relname AS references,
                  ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a
                          ON a.attrelid = c.conrelid AND a.attnum = k ORDER BY a.attname) AS columns,
                  ARRAY(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a
                          ON a.attrelid = c.confrelid AND a.attnum = k ORDER BY a.attname) AS "referencedColumns"
             FROM pg_constraint c
             JOIN pg_class t ON t.oid = c.conrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
             LEFT JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.contype IN ('p', 'u', 'f')
            ORDER BY t.relname, c.conname`,
        )
      ).rows;
      primaryKeys = constraints.filter((key) => key.type === 'p');
      foreignKeys = constraints.filter((key) => key.type === 'f');
      // Unique indexes made with CREATE UNIQUE INDEX are keys too (pg_constraint misses them).
      uniqueKeys = (
        await client.query<Key>(
          `SELECT t.relname AS table, i.relname AS name,
                  ARRAY(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a
                          ON a.attrelid = x.indrelid AND a.attnum = k ORDER BY a.attname) AS columns
             FROM pg_index x
             JOIN pg_class t ON t.oid = x.indrelid
             JOIN pg_class i ON i.oid = x.indexrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            WHERE x.indisunique AND NOT x.indisprimary
            ORDER BY t.relname, i.relname`,
        )
      ).rows;
    });
  });

  const scopeOf = (table: string): TableScope | undefined => TABLE_PLACEMENT[table]?.scope;
  const accountTables = () => tables.filter((table) => scopeOf(table) === 'account');
  const settled = (table: string) => !TABLE_PLACEMENT[table]?.pendingVia;
  const withoutAccountId = (keys: Key[]) =>
    keys.filter((key) => scopeOf(key.table) === 'account' && !key.columns.includes(DISTRIBUTION_COLUMN));

  it('places every table of the schema, and no table that is gone', () => {
    expect(tables.filter((table) => !TABLE_PLACEMENT[table])).toEqual([]);
    expect(Object.keys(TABLE_PLACEMENT).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('gives every account-scoped table a NOT NULL account_id, unless the map says where it is still reached from', () => {
    const lacking = accountTables().filter(
      (table) => settled(table) && accountIdColumns.get(table)?.nullable !== false,
    );
    expect(lacking).toEqual([]);
  });

  it('drops a pending note once its table has account_id', () => {
    const stale = accountTables().filter((table) => !settled(table) && accountIdColumns.has(table));
    expect(stale).toEqual([]);
  });

  it('has no foreign key Citus could not keep (reference or local → account, account → local)', () => {
    const forbidden = foreignKeys
      .map((key) => ({ from: scopeOf(key.table), to: scopeOf(key.references), key }))
      .filter(
        ({ from, to }) => (to === 'account' && from !== 'account') || (from === 'account' && to === 'local'),
      )
      .map(({ key }) => `${key.table}(${key.columns.join(', ')}) → ${key.references}`);
    expect(forbidden).toEqual([]);
  });

  // The work left before the account tables can be distributed: the lists in
  // distribution.ts (and docs/scaling.md) are kept equal to the schema, so a
  // key fixed (or a new one made without account_id) shows here.
  it('lists the account tables whose primary key lacks account_id', () => {
    expect(withoutAccountId(primaryKeys).map((key) => key.table)).toEqual(CITUS_KEY_WORK.primaryKeys);
  });

  it('lists the unique keys of account tables that lack account_id', () => {
    expect(withoutAccountId(uniqueKeys).map((key) => `${key.table}(${key.columns.join(', ')})`)).toEqual(
      CITUS_KEY_WORK.uniqueKeys,
    );
  });

  it('lists the foreign keys between account tables that do not follow account_id', () => {
    const between = foreignKeys.filter(
      (key) =>
        scopeOf(key.table) === 'account' &&
        scopeOf(key.references) === 'account' &&
        !(key.columns.includes(DISTRIBUTION_COLUMN) && key.referencedColumns.includes(DISTRIBUTION_COLUMN)),
    );
    expect(between.map((key) => `${key.table}(${key.columns.join(', ')}) → ${key.references}`)).toEqual(
      CITUS_KEY_WORK.foreignKeys,
    );
  });
});
