/**
 * Statements PostgreSQL parses and plans once per connection, then runs by
 * name: the fixed statements of the hot paths (placing an order, the outbox
 * that follows it), where parsing and planning cost as much as running.
 *
 * Only statements marked here, and only point and key lookups and writes:
 * after five runs PostgreSQL may keep one generic plan for every parameter
 * value, which suits "this account, these products" but not a report over
 * a day or a year, whose best plans differ. Those stay unprepared.
 */
const namesBySql = new Map<string, string>();
const sqlByName = new Map<string, string>();

/** Marks `sql` to be prepared under `name` (unique) and returns it unchanged, to pass to `query` as before. */
export function prepared(name: string, sql: string): string {
  const known = sqlByName.get(name);
  if (known !== undefined && known !== sql) throw new Error(`Two statements are prepared as ${name}`);
  const other = namesBySql.get(sql);
  if (other !== undefined && other !== name)
    throw new Error(`One statement is prepared as ${other} and ${name}`);
  sqlByName.set(name, sql);
  namesBySql.set(sql, name);
  return sql;
}

/** Every name marked so far (the modules that mark them loaded). */
export function preparedNames(): string[] {
  return [...sqlByName.keys()];
}

/** The name `sql` runs under, if it was marked. */
export function preparedName(sql: string): string | undefined {
  return namesBySql.get(sql);
}

/**
 * Whether marked statements are prepared (DB_PREPARED_STATEMENTS, on unless
 * "false"): off for a connection pooler that hands each transaction another
 * server connection and does not track prepared statements (PgBouncer
 * before 1.21, or without max_prepared_statements).
 */
export function preparedStatementsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['DB_PREPARED_STATEMENTS'];
  if (value === undefined || value === '' || value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`DB_PREPARED_STATEMENTS must be true or false, not ${JSON.stringify(value)}`);
}
