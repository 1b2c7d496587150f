import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { parseMoney } from '@tradecounter/domain';
import { formatMoneyDisplay } from '../shared/money-format';
import { DataAsOf } from './data-as-of';
import { panelState, ReportLoads } from './report-loads';
import { ReportFilters } from './report-filters';
import { todayIso } from './report-period';
import { formatCentsAxis, formatCentsCompact, formatCount } from './report-format';
import { ReportPanel } from './report-panel';
import { ReportRoute } from './report-route';
import { salesPanel } from './report-rows';
import { ReportsApi } from './reports-api';

/**
 * A customer's own spend (the API scopes it to their account): by month,
 * the products it went on, and what their prices saved against list.
 */
@Component({
  selector: 'tc-spend-page',
  imports: [MatIconModule, DataAsOf, ReportFilters, ReportPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './spend-page.html',
  styleUrl: './dashboard-page.scss',
})
export class SpendPage extends ReportRoute {
  private readonly api = inject(ReportsApi);
  /** Months are the unit of a buyer's budget: a year of them unless the link says otherwise. */
  protected override readonly defaultPreset = 'last12m';
  private readonly loads = new ReportLoads(this.filter);

  readonly moneyAxis = formatCentsAxis;
  readonly moneyTicks = formatCentsCompact;
  readonly panelState = panelState;

  readonly byMonth = this.loads.load((f) => this.api.sales({ ...f, groupBy: 'month' }));
  readonly byProduct = this.loads.load((f) => this.api.sales({ ...f, groupBy: 'product' }));
  readonly asOfs = computed(() => [this.byMonth(), this.byProduct()].map((loaded) => loaded?.value?.asOf));

  readonly monthData = computed(() =>
    salesPanel(this.byMonth()?.value, {
      heading: 'Month',
      withSavings: true,
      seriesName: 'Spend',
      timeline: { grouping: 'month', period: this.resolved(), today: todayIso() },
    }),
  );
  readonly productData = computed(() =>
    salesPanel(this.byProduct()?.value, {
      heading: 'Product',
      top: 10,
      withSavings: true,
      seriesName: 'Spend',
    }),
  );
  readonly totals = computed(() => {
    const report = this.byMonth()?.value;
    if (!report) return undefined;
    const spend = parseMoney(report.total.netSales);
    const savings = parseMoney(report.total.savings);
    const list = spend + savings;
    return {
      spend: formatMoneyDisplay(report.total.netSales),
      savings: formatMoneyDisplay(report.total.savings),
      /** Of what the same units would have cost at list price. */
      savingsShare: list > 0n ? `${(Number((savings * 1000n) / list) / 10).toFixed(1)}%` : '—',
      orders: formatCount(report.total.orders),
      units: formatCount(report.total.units),
    };
  });

  readonly csv = computed(
    () =>
      ({
        month: { path: 'sales', query: { ...this.filter(), groupBy: 'month' } },
        product: { path: 'sales', query: { ...this.filter(), groupBy: 'product' } },
      }) as const,
  );
  readonly fileSuffix = computed(() => `${this.resolved().from}-to-${this.resolved().to}.csv`);

  reload(): void {
    this.loads.reload();
  }
}
