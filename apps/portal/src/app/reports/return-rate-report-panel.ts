import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { RETURN_RATE_GROUPS, type ReportFilter, type ReturnRateGroup } from '@tradecounter/contracts';
import { panelState, ReportLoads } from './report-loads';
import { formatShareAxis } from './report-format';
import { ReportPanel } from './report-panel';
import {
  formatRateValue,
  RETURN_RATE_HEADINGS,
  returnRatePanel,
  returnRateQuery,
  returnRateSubtitle,
} from './return-rate-panel';
import { ReportsApi } from './reports-api';

const EMPTY_MESSAGES: Record<ReturnRateGroup, string> = {
  product: 'Rates count units returned against units delivered in the period.',
  reason: 'Each reason is measured against every unit delivered in the period.',
  account: 'Rates count units returned against units delivered in the period.',
};

/**
 * The return-rate panel of the dashboards: its own load of
 * /api/reports/returns under the page's filter, and a product / reason /
 * account toggle in the header. A shared component: the manager's
 * dashboard and the account manager's my-accounts page both show it.
 */
@Component({
  selector: 'tc-return-rate-report-panel',
  imports: [MatButtonToggleModule, ReportPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tc-report-panel
      title="Return rate"
      [subtitle]="subtitle()"
      [state]="state()"
      [horizontal]="true"
      [stacked]="true"
      [columns]="data().columns"
      [rows]="data().rows"
      [labels]="data().labels"
      [series]="data().series"
      [format]="rateValue"
      [tickFormat]="rateAxis"
      [csv]="csv()"
      [csvName]="csvName()"
      emptyIcon="bar_chart"
      [emptyTitle]="'No deliveries or returns in this period'"
      [emptyMessage]="emptyMessages[groupBy()]"
      (retry)="loads.reload()"
    >
      <mat-button-toggle-group
        panelActions
        hideSingleSelectionIndicator
        [value]="groupBy()"
        (change)="groupBy.set($event.value)"
        aria-label="Return rate by"
      >
        @for (group of groups; track group) {
          <mat-button-toggle [value]="group">{{ headings[group] }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </tc-report-panel>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-button-toggle-group {
      --mat-button-toggle-height: 32px;
      flex: none;
    }
  `,
})
export class ReturnRateReportPanel {
  private readonly api = inject(ReportsApi);

  /** The page's filter (period, account, account manager, channel, category). */
  readonly filter = input.required<ReportFilter>();
  /** The settled period, for the subtitle and the CSV's name. */
  readonly period = input.required<{ from: string; to: string }>();

  readonly groups = RETURN_RATE_GROUPS;
  readonly headings = RETURN_RATE_HEADINGS;
  readonly emptyMessages = EMPTY_MESSAGES;
  readonly rateAxis = formatShareAxis;
  readonly rateValue = formatRateValue;
  readonly groupBy = signal<ReturnRateGroup>('product');

  private readonly query = computed(() => returnRateQuery(this.filter(), this.groupBy()));
  readonly loads = new ReportLoads(this.query);
  readonly report = this.loads.load((query) => this.api.returnRate(query));

  readonly state = computed(() => panelState(this.report()));
  readonly data = computed(() => returnRatePanel(this.report()?.value));
  readonly subtitle = computed(() => returnRateSubtitle(this.period(), this.report()?.value));
  readonly csv = computed(() => ({ path: 'returns' as const, query: this.query() }));
  readonly csvName = computed(
    () => `return-rate-by-${this.groupBy()}-${this.period().from}-to-${this.period().to}.csv`,
  );
}
