import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReturnRateGroup } from '@tradecounter/contracts';
import type { ScopedFilter } from './report-where';

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

/**
 * The counts behind the return rate (libs/domain reports/return-rate.ts):
 * units on shipments delivered in the period, and units on the lines of
 * returns asked in the period that were not rejected, both under the
 * filters of every report: the role's scope, account, account manager and
 * channel (of the order), category (of the product). Days are the
 * deployment's: a period is the range from its first midnight to the
 * midnight after its last day, so the indexes on delivered_at and
 * created_at read only the period's rows.
 */
@Injectable()
export class ReturnRateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Delivered units per product or account; for `reason`, one row (key `total`) of them all. */
  async delivered(filter: ScopedFilter, groupBy: ReturnRateGroup, timeZone: string): Promise<UnitsRow[]> {
    const { where, params } = filtered(filter, timeZone, { at: 's.delivered_at', account: 'o.account_id' });
    const group = GROUPINGS[groupBy]('ol.product_id', `'total'`);
    const withProduct = groupBy === 'product' || filter.category !== undefined;
    return units(
      this.dataSource,
      `SELECT ${group.key} AS key, ${groupBy === 'reason' ? `''` : group.label} AS label,
              sum(sl.quantity)::bigint AS units
         FROM shipments s
         JOIN shipment_lines sl ON sl.shipment_id = s.id
         JOIN order_lines ol ON ol.id = sl.order_line_id
         JOIN orders o ON o.id = s.order_id
         JOIN accounts a ON a.id = o.account_id
         ${withProduct ? 'JOIN products p ON p.id = ol.product_id' : ''}
        WHERE s.delivered_at IS NOT NULL AND ${where}
        GROUP BY 1`,
      params,
    );
  }

  /** Returned units (returns not rejected) per product, reason or account. */
  async returned(filter: ScopedFilter, groupBy: ReturnRateGroup, timeZone: string): Promise<UnitsRow[]> {
    const { where, params } = filtered(filter, timeZone, { at: 'r.created_at', account: 'r.account_id' });
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
        WHERE r.status <> 'rejected' AND ${where}
        GROUP BY 1`,
      params,
    );
  }
}

async function units(dataSource: DataSource, sql: string, params: unknown[]): Promise<UnitsRow[]> {
  const rows = (await dataSource.query(sql, params)) as (Omit<UnitsRow, 'units'> & { units: string })[];
  return rows.map((row) => ({ ...row, units: Number(row.units) }));
}

/** The period (deployment days) on `at`, scope and filters; `a` is the account, `o` the order, `p` the product. */
function filtered(
  filter: ScopedFilter,
  timeZone: string,
  columns: { at: string; account: string },
): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.from, filter.to, timeZone];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [
    `${columns.at} >= ($1::date::timestamp AT TIME ZONE $3)`,
    `${columns.at} < (($2::date + 1)::timestamp AT TIME ZONE $3)`,
  ];
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
  if (filter.channel) where.push(`o.channel = ${param(filter.channel)}`);
  if (filter.category) where.push(`p.category = ${param(filter.category)}`);
  return { where: where.join(' AND '), params };
}
