import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryGroupBy } from '@tradecounter/contracts';
import {
  ACCOUNT_GROUPING,
  ACCOUNT_MANAGER_GROUPING,
  CHANNEL_GROUPING,
  type GroupingSql,
  TIME_GROUPINGS,
} from './report-groupings';
import { rollupWhere, type ScopedFilter } from './report-where';
import {
  CYCLE_TIME,
  CYCLE_TIME_HOURS,
  DELIVERY,
  DELIVERY_OVERALL,
  narrowsAccountsOrChannel,
  PROMISE_ACCURACY,
  rollupSource,
  type RollupPair,
  type RollupSources,
} from './rollup-source';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

/** What the delivery figures are computed from: counts summed over the rollup. */
export interface DeliveryCounts {
  lines: number;
  linesFromStock: number;
  deliveredLines: number;
  onTimeLines: number;
  onTimeLinesCurrent: number;
  shippedOrders: number;
  inFullOrders: number;
  deliveredOrders: number;
  otifOrders: number;
  otifOrdersCurrent: number;
  ratings: number;
  ratingSum: number;
}

const COUNT_COLUMNS: Record<keyof DeliveryCounts, string> = {
  lines: 'lines',
  linesFromStock: 'lines_from_stock',
  deliveredLines: 'delivered_lines',
  onTimeLines: 'on_time_lines',
  onTimeLinesCurrent: 'on_time_lines_current',
  shippedOrders: 'shipped_orders',
  inFullOrders: 'in_full_orders',
  deliveredOrders: 'delivered_orders',
  otifOrders: 'otif_orders',
  otifOrdersCurrent: 'otif_orders_current',
  ratings: 'ratings',
  ratingSum: 'rating_sum',
};
const SUMS = Object.entries(COUNT_COLUMNS)
  .map(([field, column]) => `coalesce(sum(s.${column}), 0)::int AS "${field}"`)
  .join(', ');

/** `perAccount`: the key needs the account or channel, so the per-account rollups. */
const GROUPINGS: Record<DeliveryGroupBy, GroupingSql & { perAccount?: true }> = {
  ...TIME_GROUPINGS,
  account: { ...ACCOUNT_GROUPING, perAccount: true },
  channel: { ...CHANNEL_GROUPING, perAccount: true },
  accountManager: { ...ACCOUNT_MANAGER_GROUPING, perAccount: true },
};

export interface BacklogDay {
  day: string;
  orders: number;
  units: number;
  value: string;
}

export interface DormantRow {
  accountId: string;
  code: string;
  name: string;
  accountManagerId: string | null;
  accountManagerName: string | null;
  lastOrderDate: string | null;
  trailing12MonthSales: string;
}

/**
 * A rollup read for the filter's period: the source `s` (whole months from
 * the monthly rollup unless single days matter, see rollup-source.ts) and
 * the WHERE clause of the scope and filters, with their parameters.
 */
function periodRead(
  rollup: RollupPair,
  filter: ScopedFilter,
  options: { days?: boolean; sources?: RollupSources } = {},
) {
  const { where, params } = rollupWhere(filter, { period: false });
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { source: rollupSource(rollup, filter, param, options), where, params };
}

/**
 * Delivery, backlog and promise-accuracy figures from their rollups
 * (migrations 1764979200000 and, per month, 1765065600000), and dormant
 * accounts from the sales rollup: never the order lines. `sources`: only
 * tests ask for the finest rollups, to compare.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@Inject(REPORTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async counts(filter: ScopedFilter, sources?: RollupSources): Promise<DeliveryCounts> {
    const perAccount = narrowsAccountsOrChannel(filter) || sources === 'finest';
    const { source, where, params } = periodRead(perAccount ? DELIVERY : DELIVERY_OVERALL, filter, {
      sources,
    });
    const [row] = (await this.dataSource.query(
      `SELECT ${SUMS} FROM ${source} ${perAccount ? 'JOIN accounts a ON a.id = s.account_id' : ''} WHERE ${where}`,
      params,
    )) as DeliveryCounts[];
    if (!row) throw new Error('An aggregate returned no row');
    return row;
  }

  async grouped(
    filter: ScopedFilter,
    groupBy: DeliveryGroupBy,
    sources?: RollupSources,
  ): Promise<(DeliveryCounts & { key: string; label: string })[]> {
    const grouping = GROUPINGS[groupBy];
    const perAccount =
      grouping.perAccount === true || narrowsAccountsOrChannel(filter) || sources === 'finest';
    const { source, where, params } = periodRead(perAccount ? DELIVERY : DELIVERY_OVERALL, filter, {
      days: grouping.days,
      sources,
    });
    return (await this.dataSource.query(
      `SELECT ${grouping.key} AS key, ${grouping.label} AS label, ${SUMS}
         FROM ${source} ${perAccount ? 'JOIN accounts a ON a.id = s.account_id' : ''}
         ${groupBy === 'accountManager' ? 'LEFT JOIN users m ON m.id = a.account_manager_id' : ''}
        WHERE ${where}
        GROUP BY ${grouping.group ?? '1'}
       HAVING sum(s.delivered_lines) > 0 OR sum(s.shipped_orders) > 0 OR sum(s.delivered_orders) > 0
        ORDER BY ${grouping.timeline ? '1' : 'sum(s.delivered_lines) DESC, 1'}`,
      params,
    )) as (DeliveryCounts & { key: string; label: string })[];
  }

  /** Fully shipped orders by whole hours from placement to last shipment. */
  async cycleTimeHistogram(filter: ScopedFilter, sources?: RollupSources): Promise<Map<number, number>> {
    // Over every account and channel, the histogram summed over them is enough.
    const perAccount = narrowsAccountsOrChannel(filter) || sources === 'finest';
    const { source, where, params } = periodRead(perAccount ? CYCLE_TIME : CYCLE_TIME_HOURS, filter, {
      sources,
    });
    const rows = (await this.dataSource.query(
      `SELECT s.hours, sum(s.orders)::int AS orders
         FROM ${source} ${perAccount ? 'JOIN accounts a ON a.id = s.account_id' : ''}
        WHERE ${where} GROUP BY 1 HAVING sum(s.orders) > 0`,
      params,
    )) as { hours: number; orders: number }[];
    return new Map(rows.map((row) => [row.hours, row.orders]));
  }

  /** Shipment lines by business days late (negative: early). */
  async promiseAccuracy(
    filter: ScopedFilter,
    sources?: RollupSources,
  ): Promise<{ daysLate: number; lines: number; units: number }[]> {
    const { source, where, params } = periodRead(PROMISE_ACCURACY, filter, { sources });
    const rows = (await this.dataSource.query(
      `SELECT s.days_late AS "daysLate", sum(s.lines)::int AS lines, sum(s.units)::bigint AS units
         FROM ${source} JOIN accounts a ON a.id = s.account_id
        WHERE ${where} GROUP BY 1 HAVING sum(s.lines) > 0 ORDER BY 1`,
      params,
    )) as { daysLate: number; lines: number; units: string }[];
    return rows.map((row) => ({ ...row, units: Number(row.units) }));
  }

  /** Today's backlog by the day its orders were placed (any day: the period does not apply). */
  async backlogByDay(filter: Omit<ScopedFilter, 'from' | 'to'>): Promise<BacklogDay[]> {
    const { where, params } = rollupWhere(filter, { period: false });
    const rows = (await this.dataSource.query(
      `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, sum(s.orders)::int AS orders, sum(s.units)::bigint AS units,
              sum(s.value)::text AS value
         FROM backlog_by_day s JOIN accounts a ON a.id = s.account_id
        WHERE ${where} GROUP BY 1 HAVING sum(s.units) > 0 ORDER BY 1`,
      params,
    )) as (Omit<BacklogDay, 'units'> & { units: string })[];
    return rows.map((row) => ({ ...row, units: Number(row.units) }));
  }

  /**
   * Active accounts in scope without an order since `since`, with their
   * last order day and their sales from `trailingFrom` on (from the sales
   * rollup, so cancelled orders never count).
   */
  async dormant(
    filter: Omit<ScopedFilter, 'from' | 'to'>,
    since: string,
    trailingFrom: string,
  ): Promise<DormantRow[]> {
    const { where, params } = rollupWhere({ ...filter, channel: undefined }, { period: false });
    const scoped = where.replaceAll('s.account_id', 'a.id');
    const n = params.length;
    return (await this.dataSource.query(
      `SELECT a.id AS "accountId", a.code, a.name, a.account_manager_id AS "accountManagerId",
              m.name AS "accountManagerName", to_char(last.day, 'YYYY-MM-DD') AS "lastOrderDate",
              coalesce(t12.sales, 0)::text AS "trailing12MonthSales"
         FROM accounts a
         LEFT JOIN users m ON m.id = a.account_manager_id
         LEFT JOIN LATERAL (SELECT max(s.day) AS day FROM sales_by_day s
                             WHERE s.account_id = a.id AND s.orders > 0) last ON true
         LEFT JOIN LATERAL (SELECT sum(s.net_sales) AS sales FROM sales_by_day s
                             WHERE s.account_id = a.id AND s.day >= $${n + 2}::date) t12 ON true
        WHERE a.status <> 'closed' AND ${scoped} AND (last.day IS NULL OR last.day < $${n + 1}::date)
        ORDER BY last.day NULLS FIRST, a.code`,
      [...params, since, trailingFrom],
    )) as DormantRow[];
  }
}
