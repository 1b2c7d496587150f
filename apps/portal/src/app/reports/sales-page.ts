import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import {
  REPORT_GROUP_HEADINGS,
  type ReportChannel,
  SALES_GROUPINGS,
  type SalesGroupBy,
  type SalesQuery,
} from '@tradecounter/contracts';
import { catchError, map, of } from 'rxjs';
import { formatMoney, parseMoney } from '@tradecounter/domain';
import { AuthService } from '../auth/auth.service';
import { displayDate } from '../shared/date-format';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { formatMoneyDisplay } from '../shared/money-format';
import { MoneyPipe } from '../shared/money.pipe';
import { textParam } from '../shared/route-inputs';
import { ChartPanel } from './chart-panel';
import { PeriodFields } from './period-fields';
import { ReportsApi } from './reports-api';

const TIMELINES: readonly SalesGroupBy[] = ['day', 'week', 'month'];
/** Groupings about other accounts mean nothing to a customer, who sees only their own. */
const STAFF_ONLY: readonly SalesGroupBy[] = ['account', 'accountManager'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toGroupBy(value: unknown): SalesGroupBy {
  return SALES_GROUPINGS.find((grouping) => grouping === value) ?? 'month';
}

function dateParam(value: unknown): string {
  return typeof value === 'string' && ISO_DATE.test(value) ? value : '';
}

/** Net sales, orders and units over a period, as a chart and the same numbers as a table and CSV. */
@Component({
  selector: 'tc-sales-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatTableModule,
    ChartPanel,
    PeriodFields,
    EmptyState,
    ErrorState,
    LoadingState,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Sales</h1>
        <button mat-stroked-button type="button" (click)="downloadCsv()" [disabled]="!state()?.value">
          <mat-icon svgIcon="upload" class="down" />Download CSV
        </button>
      </header>
      <div class="tc-toolbar-row filters" role="search" aria-label="Report filters">
        <tc-period-fields
          [from]="from() || (state()?.value?.from ?? '')"
          [to]="to() || (state()?.value?.to ?? '')"
          (changed)="setQuery($event)"
        />
        <mat-form-field>
          <mat-label>Group by</mat-label>
          <mat-select [value]="groupBy()" (valueChange)="setQuery({ groupBy: $event })">
            @for (g of groupings(); track g) {
              <mat-option [value]="g">{{ groupLabel(g) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Channel</mat-label>
          <mat-select [value]="channel()" (valueChange)="setQuery({ channel: $event || null })">
            <mat-option value="">Every channel</mat-option>
            @for (c of channels(); track c.key) {
              <mat-option [value]="c.key">{{ c.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      <div class="tc-card">
        @let s = state();
        @if (s?.loading) {
          <tc-loading-state [compact]="!!s?.value" label="Loading sales…" />
        }
        @if (s?.problem; as problem) {
          <tc-error-state [problem]="problem" (retry)="reload()" />
        } @else if (s?.value; as report) {
          @if (report.rows.length === 0) {
            <tc-empty-state
              icon="history"
              title="No sales in this period"
              message="Try a longer period or another channel."
            />
          } @else {
            <div class="totals" aria-label="Totals">
              <div>
                <span class="tc-muted">Net sales</span
                ><strong data-testid="total-net-sales">{{ report.total.netSales | money }}</strong>
              </div>
              <div>
                <span class="tc-muted">Orders</span><strong>{{ report.total.orders ?? '—' }}</strong>
              </div>
              <div>
                <span class="tc-muted">Units</span><strong>{{ report.total.units }}</strong>
              </div>
            </div>
            <tc-chart-panel
              [kind]="isTimeline() && report.rows.length > 1 ? 'line' : 'bar'"
              [labels]="chartLabels()"
              [series]="chartSeries()"
              [format]="moneyAxis"
              [description]="
                'Net sales by ' +
                groupLabel(report.groupBy).toLowerCase() +
                ', ' +
                displayDate(report.from) +
                ' to ' +
                displayDate(report.to)
              "
            />
            <div class="tc-table-scroll" tabindex="0" role="region" aria-label="Sales, scrolls sideways">
              <table mat-table [dataSource]="report.rows" class="tc-table" aria-label="Sales">
                <ng-container matColumnDef="label">
                  <th mat-header-cell *matHeaderCellDef>{{ groupLabel(report.groupBy) }}</th>
                  <td mat-cell *matCellDef="let r">{{ r.label }}</td>
                </ng-container>
                <ng-container matColumnDef="netSales">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Net sales</th>
                  <td mat-cell *matCellDef="let r" class="tc-num">{{ r.netSales | money }}</td>
                </ng-container>
                <ng-container matColumnDef="orders">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Orders</th>
                  <td mat-cell *matCellDef="let r" class="tc-num">{{ r.orders ?? '—' }}</td>
                </ng-container>
                <ng-container matColumnDef="units">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Units</th>
                  <td mat-cell *matCellDef="let r" class="tc-num">{{ r.units }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let r; columns: columns"></tr>
              </table>
            </div>
          }
        }
      </div>
    </section>
  `,
  styles: `
    .totals {
      display: flex;
      flex-wrap: wrap;
      gap: 32px;
      padding: 16px 20px 0;
      div {
        display: flex;
        flex-direction: column;
      }
      strong {
        font: var(--mat-sys-headline-small);
      }
    }
    tc-chart-panel {
      display: block;
      padding: 16px 20px;
    }
    .down {
      transform: rotate(180deg);
    }
  `,
})
export class SalesPage {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reloads = signal(0);

  readonly from = input('', { transform: dateParam });
  readonly to = input('', { transform: dateParam });
  readonly groupBy = input<SalesGroupBy, unknown>('month', { transform: toGroupBy });
  readonly channel = input('', { transform: textParam });

  /** Every channel with orders the reader may see, by name. */
  readonly channels = toSignal(
    this.api.channels().pipe(
      map((answer) => answer.channels),
      catchError(() => of<ReportChannel[]>([])),
    ),
    { initialValue: [] as ReportChannel[] },
  );
  readonly displayDate = displayDate;
  readonly columns = ['label', 'netSales', 'orders', 'units'];
  readonly groupings = computed(() => {
    const customer = this.auth.hasRole(['buyer', 'approver']);
    return SALES_GROUPINGS.filter((grouping) => !customer || !STAFF_ONLY.includes(grouping));
  });
  readonly isTimeline = computed(() => TIMELINES.includes(this.groupBy()));
  private readonly query = computed<SalesQuery & { reload: number }>(() => ({
    groupBy: this.groupBy(),
    from: this.from() || undefined,
    to: this.to() || undefined,
    channel: this.channel() || undefined,
    reload: this.reloads(),
  }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ reload: _reload, ...query }) => this.api.sales(query)),
  );
  readonly chartLabels = computed(() => (this.state()?.value?.rows ?? []).map((row) => row.label));
  /** Whole cents: the chart draws them, the table shows the exact amounts. */
  readonly chartSeries = computed(() => [
    {
      name: 'Net sales',
      values: (this.state()?.value?.rows ?? []).map((row) => Number(parseMoney(row.netSales))),
    },
  ]);
  readonly moneyAxis = (cents: number) => formatMoneyDisplay(formatMoney(BigInt(Math.round(cents))));

  groupLabel(grouping: SalesGroupBy): string {
    return REPORT_GROUP_HEADINGS[grouping];
  }

  reload(): void {
    this.reloads.update((n) => n + 1);
  }

  setQuery(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  downloadCsv(): void {
    const report = this.state()?.value;
    if (!report) return;
    const { reload: _reload, ...query } = this.query();
    this.api.salesCsv(query).subscribe({
      next: (blob) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = `sales-by-${report.groupBy}-${report.from}-to-${report.to}.csv`;
        link.click();
        URL.revokeObjectURL(link.href);
      },
      error: () => this.snackBar.open('The CSV could not be downloaded; try again', 'Dismiss'),
    });
  }
}
