import { Injectable } from '@nestjs/common';
import type {
  BacklogReport,
  DeliveryGroupBy,
  DeliveryReport,
  DeliveryRow,
  DormantAccountsReport,
  PromiseAccuracyReport,
  ReportFilter,
  SummaryFigures,
  SummaryReport,
} from '@tradecounter/contracts';
import {
  addCalendarDays,
  averageOrderValue,
  BACKLOG_AGES,
  backlogAge,
  calendarDaysBetween,
  formatMoney,
  lastDaysStart,
  meanRating,
  parseMoney,
  percentileOfHistogram,
  PROMISE_ACCURACY_RANGE,
  previousPeriod,
  promiseAccuracyBucket,
  promiseAccuracyLabel,
  share,
  sumMoney,
} from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { DeliveryRepository, type DeliveryCounts } from './delivery.repository';
import { ReportAsOf } from './report-as-of';
import { displayLabel } from './report-labels';
import { ReportScope } from './report-scope';
import type { ScopedFilter } from './report-where';
import { SalesRepository } from './sales.repository';

/**
 * The headline figures (domain.md, Reporting definitions), delivery over
 * time, backlog ageing, promise accuracy and dormant accounts: counts from
 * the rollups, turned into figures by libs/domain. Every figure is of the
 * orders placed in the period; backlog is today's.
 */
@Injectable()
export class DeliveryReportsService {
  constructor(
    private readonly sales: SalesRepository,
    private readonly delivery: DeliveryRepository,
    private readonly scope: ReportScope,
    private readonly asOf: ReportAsOf,
  ) {}

  async summary(actor: AuthUser, query: ReportFilter): Promise<SummaryReport> {
    const filter = this.scope.of(actor, query);
    const before = previousPeriod(filter.from, filter.to);
    const asOf = await this.asOf.read();
    const [current, previous, backlog] = await Promise.all([
      this.figures(filter),
      this.figures({ ...filter, ...before }),
      filter.category === undefined ? this.backlogTotal(filter) : Promise.resolve(null),
    ]);
    return {
      asOf,
      from: filter.from,
      to: filter.to,
      ...current,
      backlog: backlog ?? '0.00',
      deliveryFiguresApply: filter.category === undefined,
      previous: { ...before, ...previous, backlog: backlog ?? '0.00' },
    };
  }

  private async figures(filter: ScopedFilter): Promise<Omit<SummaryFigures, 'backlog'>> {
    const perOrder = filter.category === undefined;
    const [rows, counts, cycle] = await Promise.all([
      this.sales.sales(filter, 'channel'),
      perOrder ? this.delivery.counts(filter) : Promise.resolve(null),
      perOrder ? this.delivery.cycleTimeHistogram(filter) : Promise.resolve(new Map<number, number>()),
    ]);
    const netSales = sumMoney(rows.map((row) => parseMoney(row.netSales)));
    const orders = perOrder ? rows.reduce((sum, row) => sum + (row.orders ?? 0), 0) : null;
    const average = orders === null ? null : averageOrderValue(netSales, orders);
    const c = counts ?? emptyCounts();
    const shares = deliveryShares(c);
    return {
      netSales: formatMoney(netSales),
      orders,
      units: rows.reduce((sum, row) => sum + row.units, 0),
      averageOrderValue: average === null ? null : formatMoney(average),
      cycleTime: {
        medianHours: percentileOfHistogram(cycle, 0.5),
        p90Hours: percentileOfHistogram(cycle, 0.9),
        orders: [...cycle.values()].reduce((sum, n) => sum + n, 0),
      },
      ...(counts ? shares : nullShares()),
      lineFillRate: counts ? share(c.linesFromStock, c.lines) : null,
      deliveryRating: counts ? meanRating(c.ratingSum, c.ratings) : null,
      counts: {
        lines: c.lines,
        deliveredLines: c.deliveredLines,
        shippedOrders: c.shippedOrders,
        deliveredOrders: c.deliveredOrders,
        ratings: c.ratings,
      },
    };
  }

  private async backlogTotal(filter: ScopedFilter): Promise<string> {
    const days = await this.delivery.backlogByDay(filter);
    return formatMoney(sumMoney(days.map((day) => parseMoney(day.value))));
  }

  async deliveryReport(
    actor: AuthUser,
    query: ReportFilter,
    groupBy: DeliveryGroupBy,
  ): Promise<DeliveryReport> {
    const filter = this.scope.of(actor, { ...query, category: undefined });
    const asOf = await this.asOf.read();
    const rows = await this.delivery.grouped(filter, groupBy);
    return {
      asOf,
      from: filter.from,
      to: filter.to,
      groupBy,
      rows: rows.map((row): DeliveryRow => ({
        key: row.key,
        label: displayLabel(groupBy, row),
        deliveredLines: row.deliveredLines,
        deliveredOrders: row.deliveredOrders,
        shippedOrders: row.shippedOrders,
        ...deliveryShares(row),
      })),
    };
  }

  async backlog(actor: AuthUser, query: ReportFilter): Promise<BacklogReport> {
    const filter = this.scope.of(actor, { ...query, category: undefined });
    const today = this.scope.today();
    const asOf = await this.asOf.read();
    const days = await this.delivery.backlogByDay(filter);
    const buckets = BACKLOG_AGES.map((age) => {
      const inBand = days.filter((day) => backlogAge(day.day, today).key === age.key);
      return {
        key: age.key,
        label: age.label,
        minDays: age.minDays,
        maxDays: age.maxDays,
        value: formatMoney(sumMoney(inBand.map((day) => parseMoney(day.value)))),
        orders: inBand.reduce((sum, day) => sum + day.orders, 0),
        units: inBand.reduce((sum, day) => sum + day.units, 0),
      };
    });
    return {
      asOf,
      today,
      total: formatMoney(sumMoney(buckets.map((bucket) => parseMoney(bucket.value)))),
      buckets,
    };
  }

  async promiseAccuracy(actor: AuthUser, query: ReportFilter): Promise<PromiseAccuracyReport> {
    const filter = this.scope.of(actor, { ...query, category: undefined });
    const asOf = await this.asOf.read();
    const rows = await this.delivery.promiseAccuracy(filter);
    const { earliest, latest } = PROMISE_ACCURACY_RANGE;
    const buckets = Array.from({ length: latest - earliest + 1 }, (_, index) => {
      const days = earliest + index;
      const inBucket = rows.filter((row) => promiseAccuracyBucket(row.daysLate) === days);
      return {
        days,
        label: promiseAccuracyLabel(days),
        lines: inBucket.reduce((sum, row) => sum + row.lines, 0),
        units: inBucket.reduce((sum, row) => sum + row.units, 0),
      };
    });
    const lines = rows.reduce((sum, row) => sum + row.lines, 0);
    const count = (test: (days: number) => boolean) =>
      rows.filter((row) => test(row.daysLate)).reduce((sum, row) => sum + row.lines, 0);
    return {
      asOf,
      from: filter.from,
      to: filter.to,
      buckets,
      lines,
      early: share(
        count((days) => days < 0),
        lines,
      ),
      onTime: share(
        count((days) => days === 0),
        lines,
      ),
      late: share(
        count((days) => days > 0),
        lines,
      ),
    };
  }

  async dormantAccounts(actor: AuthUser, query: ReportFilter, days: number): Promise<DormantAccountsReport> {
    const filter = this.scope.of(actor, { ...query, category: undefined, channel: undefined });
    const today = this.scope.today();
    const asOf = await this.asOf.read();
    const rows = await this.delivery.dormant(
      filter,
      lastDaysStart(today, days),
      addCalendarDays(today, -364),
    );
    return {
      asOf,
      today,
      days,
      rows: rows.map((row) => ({
        accountId: row.accountId,
        code: row.code,
        name: row.name,
        accountManager:
          row.accountManagerId === null
            ? null
            : { id: row.accountManagerId, name: row.accountManagerName ?? '' },
        lastOrderDate: row.lastOrderDate,
        daysSinceLastOrder: row.lastOrderDate === null ? null : calendarDaysBetween(row.lastOrderDate, today),
        trailing12MonthSales: formatMoney(parseMoney(row.trailing12MonthSales)),
      })),
    };
  }
}

function deliveryShares(c: Omit<DeliveryCounts, 'lines' | 'linesFromStock' | 'ratings' | 'ratingSum'>) {
  return {
    onTimeDelivery: share(c.onTimeLines, c.deliveredLines),
    onTimeDeliveryCurrent: share(c.onTimeLinesCurrent, c.deliveredLines),
    inFull: share(c.inFullOrders, c.shippedOrders),
    otif: share(c.otifOrders, c.deliveredOrders),
    otifCurrent: share(c.otifOrdersCurrent, c.deliveredOrders),
  };
}

function nullShares() {
  return { onTimeDelivery: null, onTimeDeliveryCurrent: null, inFull: null, otif: null, otifCurrent: null };
}

function emptyCounts(): DeliveryCounts {
  return {
    lines: 0,
    linesFromStock: 0,
    deliveredLines: 0,
    onTimeLines: 0,
    onTimeLinesCurrent: 0,
    shippedOrders: 0,
    inFullOrders: 0,
    deliveredOrders: 0,
    otifOrders: 0,
    otifOrdersCurrent: 0,
    ratings: 0,
    ratingSum: 0,
  };
}
