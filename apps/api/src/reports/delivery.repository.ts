import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryGroupBy } from '@tradecounter/contracts';
import { rollupWhere, type ScopedFilter } from './report-where';

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

const GROUPINGS: Record<DeliveryGroupBy, { key: string; label: string; timeline?: true }> = {
  day: { key: `to_char(s.day, 'YYYY-MM-DD')`, label: `to_char(s.day, 'YYYY-MM-DD')`, timeline: true },
  week: {
    key: `to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    label: `'Week of ' || to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    timeline: true,
  },
  month: { key: `to_char(s.day, 'YYYY-MM')`, label: `to_char(s.day, 'YYYY-MM')`, timeline: true },
  account: { key: 's.account_id::text', label: `min(a.code || ' — ' || a.name)` },
  channel: { key: 's.channel', label: 's.channel' },
  accountManager: {
    key: `coalesce(a.account_manager_id::text, '')`,
    label: `coalesce(min(m.name), 'No account manager')`,
  },
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
 * Delivery, backlog and promise-accuracy figures from their rollups
 * (migration 1764979200000), and dormant accounts from the sales rollup:
 * never the order lines.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async counts(filter: ScopedFilter): Promise<DeliveryCounts> {
    const { where, params } = rollupWhere(filter);
    const [row] = (await this.dataSource.query(
      `SELECT ${SUMS} FROM delivery_by_day s JOIN accounts a ON a.id = s.account_id WHERE ${where}`,
      params,
    )) as DeliveryCounts[];
    if (!row) throw new Error('An aggregate returned no row');
    return row;
  }

  async grouped(
    filter: ScopedFilter,
    groupBy: DeliveryGroupBy,
  ): Promise<(DeliveryCounts & { key: string; label: string })[]> {
    const grouping = GROUPINGS[groupBy];
    const { where, params } = rollupWhere(filter);
    return (await this.dataSource.query(
      `SELECT ${grouping.key} AS key, ${grouping.label} AS label, ${SUMS}
         FROM delivery_by_day s JOIN accounts a ON a.id = s.account_id
         ${groupBy === 'accountManager' ? 'LEFT JOIN users m ON m.id = a.account_manager_id' : ''}
        WHERE ${where}
        GROUP BY 1
       HAVING sum(s.delivered_lines) > 0 OR sum(s.shipped_orders) > 0 OR sum(s.delivered_orders) > 0
        ORDER BY ${grouping.timeline ? '1' : 'sum(s.delivered_lines) DESC, 1'}`,
      params,
    )) as (DeliveryCounts & { key: string; label: string })[];
  }

  /** Fully shipped orders by whole hours from placement to last shipment. */
  async cycleTimeHistogram(filter: ScopedFilter): Promise<Map<number, number>> {
    const { where, params } = rollupWhere(filter);
    const rows = (await this.dataSource.query(
      `SELECT s.hours, sum(s.orders)::int AS orders
         FROM cycle_time_by_day s JOIN accounts a ON a.id = s.account_id
        WHERE ${where} GROUP BY 1 HAVING sum(s.orders) > 0`,
      params,
    )) as { hours: number; orders: number }[];
    return new Map(rows.map((row) => [row.hours, row.orders]));
  }

  /** Shipment lines by business days late (negative: early). */
  async promiseAccuracy(filter: ScopedFilter): Promise<{ daysLate: number; lines: number; units: number }[]> {
    const { where, params } = rollupWhere(filter);
    const rows = (await this.dataSource.query(
      `SELECT s.days_late AS "daysLate", sum(s.lines)::int AS lines, sum(s.units)::bigint AS units
         FROM promise_accuracy_by_day s JOIN accounts a ON a.id = s.account_id
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
