import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReturnRateGroup } from '@tradecounter/contracts';
import type { ScopedFilter } from './report-where';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

/** Units per group key, with the group's label as the SQL knows it. */
export interface UnitsRow {
  key: string;
  label: string;
  units: number;
}

/** The group's key and label over `o` (order), `a` (account), `p` (product), and the product column. */
const GROUPINGS: Record<
  ReturnRateGroup,
  (product: string, reason: string) => { key: string; label: string }
> = {
  product: (product) => ({ key: `${product}::text`, label: `min(p.sku || ' — ' || p.name)` }),
  account: () => ({ key: 'a.id::text', label: `min(a.code || ' — ' || a.name)` }),
  reason: (_, reason) => ({ key: reason, label: reason }),
};

/** What the delivered units are summed by: for `reason`, all of them (each reason is set against the whole). */
const DELIVERED_KEYS: Record<ReturnRateGroup, string> = {
  product: 'd.product_id',
  account: 'd.account_id',
  reason: `'total'`,
};

/**
 * The counts behind the return rate (libs/domain reports/return-rate.ts):
 * units on shipments delivered in the period, and units on the lines of
 * returns asked in the period that were not rejected, both under the
 * filters of every report: the role's scope, account, account manager and
 * channel (of the order), category (of the product). Days are the
 * deployment's: deliveries come from the delivered_by_day rollup, kept by
 * triggers; returns (far fewer rows) from their table, whose index on
 * created_at reads only the period's.
 */
@Injectable()
export class ReturnRateRepository {
  constructor(@Inject(REPORTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Delivered units per product or account; for `reason`, one row (key
   * `total`) of them all. From the delivered_by_day rollup (migration
   * 1766448000500), a primary-key range of the period's days.
   */
  async delivered(filter: ScopedFilter, groupBy: ReturnRateGroup): Promise<UnitsRow[]> {
    const params: unknown[] = [filter.from, filter.to];
    const where = [
      'd.day BETWEEN $1::date AND $2::date',
      ...scoped(filter, params, { account: 'd.account_id', channel: 'd.channel' }),
    ];
    // Sum first, then name the few groups: labels are not built for every rollup row.
    const byAccount = filter.scope.kind === 'managedBy' || filter.accountManagerId !== undefined;
    const sums = `SELECT ${DELIVERED_KEYS[groupBy]} AS key, sum(d.units) AS units
                    FROM delivered_by_day d
                    ${byAccount ? 'JOIN accounts a ON a.id = d.account_id' : ''}
                    ${filter.category !== undefined ? 'JOIN products p ON p.id = d.product_id' : ''}
                   WHERE ${where.join(' AND ')}
                   GROUP BY 1 HAVING sum(d.units) <> 0`;
    const labelled: Record<ReturnRateGroup, string> = {
      product: `SELECT g.key::text AS key, p.sku || ' — ' || p.name AS label, g.units::bigint AS units
                  FROM (${sums}) g JOIN products p ON p.id = g.key`,
      account: `SELECT g.key::text AS key, a.code || ' — ' || a.name AS label, g.units::bigint AS units
                  FROM (${sums}) g JOIN accounts a ON a.id = g.key`,
      reason: `SELECT g.key, '' AS label, g.units::bigint AS units FROM (${sums}) g`,
    };
    return units(this.dataSource, labelled[groupBy], params);
  }

  /** Returned units (returns not rejected, asked in the period) per product, reason or account. */
  async returned(filter: ScopedFilter, groupBy: ReturnRateGroup, timeZone: string): Promise<UnitsRow[]> {
    const params: unknown[] = [filter.from, filter.to, timeZone];
    // The period as instants: from its first midnight to the midnight after its last day, for the index.
    const where = [
      `r.created_at >= ($1::date::timestamp AT TIME ZONE $3)`,
      `r.created_at < (($2::date + 1)::timestamp AT TIME ZONE $3)`,
      `r.status <> 'rejected'`,
      ...scoped(filter, params, { account: 'r.account_id', channel: 'o.channel' }),
    ];
    const group = GROUPINGS[groupBy]('rl.product_id', 'rl.reason');
    const withProduct = groupBy === 'product' || filter.category !== undefined;
    return units(
      this.dataSource,
      `SELECT ${group.key} AS key, ${group.label} AS label, sum(rl.quantity)::bigint AS units
         FROM return_lines rl
         JOIN returns r ON r.id = rl.return_id
         JOIN orders o ON o.id = r.order_id
         JOIN accounts a ON a.id = r.account_id
         ${withProduct ? 'JOIN products p ON p.id = rl.product_id' : ''}
        WHERE ${where.join(' AND ')}
        GROUP BY 1`,
      params,
    );
  }
}

async function units(dataSource: DataSource, sql: string, params: unknown[]): Promise<UnitsRow[]> {
  const rows = (await dataSource.query(sql, params)) as (Omit<UnitsRow, 'units'> & { units: string })[];
  return rows.map((row) => ({ ...row, units: Number(row.units) }));
}

/** The role's scope and the filters, as conditions on `a` (the account) and `p` (the product), adding their parameters. */
function scoped(
  filter: ScopedFilter,
  params: unknown[],
  columns: { account: string; channel: string },
): string[] {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  switch (filter.scope.kind) {
    case 'account':
      where.push(`${columns.account} = ${param(filter.scope.accountId)}::uuid`);
      break;
    case 'managedBy':
      where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}::uuid`);
      break;
    case 'all':
      break;
  }
  if (filter.accountId) where.push(`${columns.account} = ${param(filter.accountId)}::uuid`);
  if (filter.accountManagerId) where.push(`a.account_manager_id = ${param(filter.accountManagerId)}::uuid`);
  if (filter.channel) where.push(`${columns.channel} = ${param(filter.channel)}`);
  if (filter.category) where.push(`p.category = ${param(filter.category)}`);
  return where;
}
