import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { type Account, MAX_PAGE_SIZE, type PriceTierSummary } from '@tradecounter/contracts';
import { catchError, map, of } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { OrdersApi } from '../orders/orders-api';
import { PricingApi } from '../pricing/pricing-api';
import { DataAsOf } from './data-as-of';
import { KpiCard } from './kpi-card';
import { panelState, ReportLoads } from './report-loads';
import { ReportFilters } from './report-filters';
import { formatCentsAxis, formatCentsCompact, formatCount } from './report-format';
import { ReportPanel } from './report-panel';
import { ReturnRateReportPanel } from './return-rate-report-panel';
import {
  quoteConversionPanel,
  quoteConversionQuery,
  quoteConversionSubtitle,
} from './quote-conversion-panel';
import { ReportRoute } from './report-route';
import { accountSalesPanel, dormantPanel, waitingOrdersPanel } from './report-rows';
import { ReportsApi } from './reports-api';
import { summaryKpis } from './summary-kpis';

const DORMANCY_CHOICES = [30, 45, 60, 90] as const;
const HEADLINE = ['netSales', 'orders', 'averageOrderValue', 'otif'];
const WAITING_SHOWN = 10;

function dormancyParam(value: unknown): number {
  return DORMANCY_CHOICES.find((days) => String(days) === String(value)) ?? 45;
}

/** An account manager's day: their accounts' sales and tiers, who has gone quiet, and what waits on them. */
@Component({
  selector: 'tc-my-accounts-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    RouterLink,
    DataAsOf,
    KpiCard,
    ReportFilters,
    ReportPanel,
    ReturnRateReportPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-accounts-page.html',
  styleUrl: './dashboard-page.scss',
})
export class MyAccountsPage extends ReportRoute {
  private readonly api = inject(ReportsApi);
  private readonly accountsApi = inject(AccountsApi);
  private readonly ordersApi = inject(OrdersApi);
  private readonly pricingApi = inject(PricingApi);
  private readonly loads = new ReportLoads(this.filter);

  readonly days = input(45, { transform: dormancyParam });
  readonly dormancyChoices = DORMANCY_CHOICES;
  readonly moneyAxis = formatCentsAxis;
  readonly moneyTicks = formatCentsCompact;
  readonly countAxis = (value: number) => formatCount(value);
  readonly panelState = panelState;

  readonly summary = this.loads.load((f) => this.api.summary(f));
  readonly sales = this.loads.load((f) => this.api.sales({ ...f, groupBy: 'account' }));
  readonly quotes = this.loads.load((f) => this.api.quoteConversion(quoteConversionQuery(f, 'account')));
  private readonly dormantLoads = new ReportLoads(computed(() => this.days()));
  readonly dormant = this.dormantLoads.load((days) => this.api.dormantAccounts({ days }));
  /** The return-rate panel, which loads its own report: its data counts towards the page's "as of" too. */
  private readonly returnRate = viewChild(ReturnRateReportPanel);
  readonly asOfs = computed(() =>
    [this.returnRate()?.report(), this.summary(), this.sales(), this.quotes(), this.dormant()].map(
      (loaded) => loaded?.value?.asOf,
    ),
  );
  private readonly waitingLoads = new ReportLoads(signal('waiting'));
  readonly holds = this.waitingLoads.load(() =>
    this.ordersApi.list({ status: 'on_hold', pageSize: WAITING_SHOWN }),
  );
  readonly approvals = this.waitingLoads.load(() =>
    this.ordersApi.list({ status: 'pending_approval', pageSize: WAITING_SHOWN }),
  );
  private readonly accounts = toSignal(
    this.accountsApi.list({ pageSize: MAX_PAGE_SIZE }).pipe(
      map((page) => page.items),
      catchError(() => of<Account[]>([])),
    ),
    { initialValue: [] as Account[] },
  );
  private readonly tiers = toSignal(
    this.pricingApi.tiers().pipe(catchError(() => of<PriceTierSummary[]>([]))),
    { initialValue: [] as PriceTierSummary[] },
  );

  readonly kpis = computed(() => {
    const report = this.summary()?.value;
    return report ? summaryKpis(report).filter((kpi) => HEADLINE.includes(kpi.key)) : [];
  });
  readonly salesData = computed(() => accountSalesPanel(this.sales()?.value, this.accounts(), this.tiers()));
  readonly quotesData = computed(() => quoteConversionPanel(this.quotes()?.value));
  readonly quotesSubtitle = computed(() => quoteConversionSubtitle(this.resolved(), this.quotes()?.value));
  readonly dormantData = computed(() => dormantPanel(this.dormant()?.value));
  readonly holdsData = computed(() => waitingOrdersPanel(this.holds()?.value?.items ?? []));
  readonly approvalsData = computed(() => waitingOrdersPanel(this.approvals()?.value?.items ?? []));

  readonly csv = computed(
    () =>
      ({
        sales: { path: 'sales', query: { ...this.filter(), groupBy: 'account' } },
        quotes: { path: 'quote-conversion', query: quoteConversionQuery(this.filter(), 'account') },
        dormant: { path: 'dormant-accounts', query: { days: this.days() } },
      }) as const,
  );
  readonly fileSuffix = computed(() => `${this.resolved().from}-to-${this.resolved().to}.csv`);

  waitingTitle(title: string, total: number | undefined): string {
    return total === undefined ? title : `${title} (${total})`;
  }

  reload(): void {
    this.loads.reload();
    this.dormantLoads.reload();
    this.waitingLoads.reload();
  }
}
