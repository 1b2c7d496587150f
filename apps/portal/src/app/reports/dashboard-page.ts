import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { DeliveryGroupBy, ReportFilter } from '@tradecounter/contracts';
import { displayDate } from '../shared/date-format';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { DataAsOf } from './data-as-of';
import { KpiCard } from './kpi-card';
import { ReportCsv } from './report-csv';
import { panelState, ReportLoads } from './report-loads';
import { ReportFilters } from './report-filters';
import {
  formatCentsAxis,
  formatCentsCompact,
  formatCount,
  formatShare,
  formatShareAxis,
} from './report-format';
import { ReportPanel } from './report-panel';
import { ReturnRateReportPanel } from './return-rate-report-panel';
import {
  quoteConversionPanel,
  quoteConversionQuery,
  quoteConversionSubtitle,
} from './quote-conversion-panel';
import { periodLength, timelineGrouping, todayIso } from './report-period';
import { ReportRoute } from './report-route';
import {
  supplierPerformancePanel,
  supplierPerformanceQuery,
  supplierPerformanceSubtitle,
} from './supplier-performance-panel';
import { backlogPanel, deliveryPanel, promiseAccuracyPanel, salesPanel } from './report-rows';
import { ReportsApi } from './reports-api';
import { summaryKpis } from './summary-kpis';

const TIME_HEADINGS = { day: 'Day', week: 'Week', month: 'Month' } as const;

/** How the operation is doing: headline figures against the period before, and the charts behind them. */
@Component({
  selector: 'tc-dashboard-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
    DataAsOf,
    KpiCard,
    ReportFilters,
    ReportPanel,
    ReturnRateReportPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
})
export class DashboardPage extends ReportRoute {
  private readonly api = inject(ReportsApi);
  private readonly csvFiles = inject(ReportCsv);
  private readonly loads = new ReportLoads(this.filter);

  readonly moneyAxis = formatCentsAxis;
  readonly moneyTicks = formatCentsCompact;
  readonly shareAxis = formatShareAxis;
  readonly countAxis = (value: number) => formatCount(value);

  readonly timeGrouping = computed(() => timelineGrouping(this.resolved()));
  /** Delivery shares need enough deliveries per point: weeks at the finest. */
  readonly deliveryGrouping = computed<DeliveryGroupBy>(() =>
    periodLength(this.resolved()) <= 190 ? 'week' : 'month',
  );

  readonly summary = this.loads.load((f) => this.api.summary(f));
  readonly timeline = this.loads.load((f) =>
    this.api.sales({ ...f, groupBy: timelineGrouping(this.periodOf(f)) }),
  );
  readonly byChannel = this.loads.load((f) => this.api.sales({ ...f, groupBy: 'channel' }));
  readonly delivery = this.loads.load((f) =>
    this.api.delivery({ ...f, groupBy: periodLength(this.periodOf(f)) <= 190 ? 'week' : 'month' }),
  );
  readonly topAccounts = this.loads.load((f) => this.api.sales({ ...f, groupBy: 'account' }));
  readonly topProducts = this.loads.load((f) => this.api.sales({ ...f, groupBy: 'product' }));
  readonly backlog = this.loads.load((f) => this.api.backlog(f));
  readonly promises = this.loads.load((f) => this.api.promiseAccuracy(f));
  readonly quotes = this.loads.load((f) =>
    this.api.quoteConversion(quoteConversionQuery(f, 'accountManager')),
  );

  readonly suppliers = this.loads.load((f) => this.api.supplierPerformance(supplierPerformanceQuery(f)));

  /** The return-rate panel, which loads its own report (under its own grouping). */
  private readonly returnRate = viewChild(ReturnRateReportPanel);

  /** What the page's figures are current to, the return-rate panel's included. */
  readonly asOfs = computed(() =>
    [
      this.returnRate()?.report(),
      this.summary(),
      this.timeline(),
      this.byChannel(),
      this.delivery(),
      this.topAccounts(),
      this.topProducts(),
      this.backlog(),
      this.promises(),
      this.quotes(),
      this.suppliers(),
    ].map((loaded) => loaded?.value?.asOf),
  );

  readonly kpis = computed(() => {
    const report = this.summary()?.value;
    return report ? summaryKpis(report) : [];
  });
  readonly previousPeriod = computed(() => {
    const previous = this.summary()?.value?.previous;
    return previous ? `${displayDate(previous.from)} to ${displayDate(previous.to)}` : '';
  });

  readonly timelineData = computed(() =>
    salesPanel(this.timeline()?.value, {
      heading: TIME_HEADINGS[this.timeGrouping()],
      timeline: { grouping: this.timeGrouping(), period: this.resolved(), today: todayIso() },
    }),
  );
  readonly channelData = computed(() =>
    salesPanel(this.byChannel()?.value, { heading: 'Channel', measure: 'orders' }),
  );
  readonly deliveryData = computed(() =>
    deliveryPanel(this.delivery()?.value, this.deliveryGrouping() === 'week' ? 'Week' : 'Month', {
      grouping: this.deliveryGrouping() === 'week' ? 'week' : 'month',
      period: this.resolved(),
    }),
  );
  readonly accountsData = computed(() =>
    salesPanel(this.topAccounts()?.value, {
      heading: 'Account',
      top: 10,
      link: (row) => `/accounts/${row.key}`,
    }),
  );
  readonly productsData = computed(() =>
    salesPanel(this.topProducts()?.value, { heading: 'Product', top: 10 }),
  );
  readonly backlogData = computed(() => backlogPanel(this.backlog()?.value));
  readonly quotesData = computed(() => quoteConversionPanel(this.quotes()?.value));
  readonly quotesSubtitle = computed(() => quoteConversionSubtitle(this.resolved(), this.quotes()?.value));
  readonly suppliersData = computed(() => supplierPerformancePanel(this.suppliers()?.value));
  readonly suppliersSubtitle = computed(() =>
    supplierPerformanceSubtitle(this.resolved(), this.suppliers()?.value),
  );
  readonly promiseData = computed(() => promiseAccuracyPanel(this.promises()?.value));
  readonly promiseShares = computed(() => {
    const report = this.promises()?.value;
    if (!report || report.lines === 0) return '';
    return ` · early ${formatShare(report.early)}, on the day ${formatShare(report.onTime)}, late ${formatShare(report.late)} of ${formatCount(report.lines)} lines`;
  });

  readonly panelState = panelState;

  /** What each CSV holds: the same query the panel shows. */
  readonly csv = computed(() => {
    const f = this.filter();
    return {
      summary: { path: 'summary', query: f },
      timeline: { path: 'sales', query: { ...f, groupBy: this.timeGrouping() } },
      channel: { path: 'sales', query: { ...f, groupBy: 'channel' } },
      delivery: { path: 'delivery', query: { ...f, groupBy: this.deliveryGrouping() } },
      accounts: { path: 'sales', query: { ...f, groupBy: 'account' } },
      products: { path: 'sales', query: { ...f, groupBy: 'product' } },
      backlog: { path: 'backlog', query: f },
      promises: { path: 'promise-accuracy', query: f },
      quotes: { path: 'quote-conversion', query: quoteConversionQuery(f, 'accountManager') },
      suppliers: { path: 'supplier-performance', query: supplierPerformanceQuery(f) },
    } as const;
  });
  readonly fileSuffix = computed(() => `${this.resolved().from}-to-${this.resolved().to}.csv`);

  reload(): void {
    this.loads.reload();
  }

  downloadSummary(): void {
    this.csvFiles.download(this.csv().summary, `summary-${this.fileSuffix()}`);
  }

  private periodOf(filter: ReportFilter) {
    return { from: filter.from ?? '', to: filter.to ?? '' };
  }
}
