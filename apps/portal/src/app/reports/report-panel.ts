import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { Problem } from '@tradecounter/contracts';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { ChartPanel } from './chart-panel';
import type { ChartSeries, ReportColumn, ReportRow } from './report-types';
import { ReportCsv } from './report-csv';
import type { ReportRequest } from './reports-api';

/** Loading, failure and the data are the caller's; the panel only shows them. */
export interface PanelState {
  loading: boolean;
  problem: Problem | undefined;
  ready: boolean;
}

/**
 * One report on a dashboard: a titled card with its chart, the same numbers
 * as a table at the flip of a toggle, and the API's CSV of them.
 */
@Component({
  selector: 'tc-report-panel',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    ChartPanel,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-card panel" [attr.aria-labelledby]="headingId()">
      <header>
        <div class="heading">
          <h2 [id]="headingId()">{{ title() }}</h2>
          @if (subtitle()) {
            <p class="tc-muted">{{ subtitle() }}</p>
          }
        </div>
        <ng-content select="[panelActions]" />
        @if (chartable()) {
          <mat-button-toggle-group
            hideSingleSelectionIndicator
            [value]="view()"
            (change)="view.set($event.value)"
            [attr.aria-label]="title() + ': chart or table'"
          >
            <mat-button-toggle value="chart">Chart</mat-button-toggle>
            <mat-button-toggle value="table">Table</mat-button-toggle>
          </mat-button-toggle-group>
        }
        @if (csv()) {
          <button
            mat-icon-button
            type="button"
            (click)="downloadCsv()"
            [disabled]="!state().ready || downloading()"
            [attr.aria-label]="'Download ' + title() + ' as CSV'"
            matTooltip="Download CSV"
          >
            <mat-icon svgIcon="download" />
          </button>
        }
      </header>
      @let s = state();
      @if (s.loading) {
        <tc-loading-state [compact]="s.ready" [label]="'Loading ' + title().toLowerCase() + '…'" />
      }
      @if (s.problem; as problem) {
        <tc-error-state [problem]="problem" (retry)="retry.emit()" />
      } @else if (s.ready) {
        @if (rows().length === 0) {
          <tc-empty-state [icon]="emptyIcon()" [title]="emptyTitle()" [message]="emptyMessage()" />
        } @else if (chartable() && view() === 'chart') {
          <tc-chart-panel
            [kind]="kind()"
            [horizontal]="horizontal()"
            [max]="max()"
            [min]="min()"
            [partial]="partial()"
            [labels]="labels()"
            [series]="series()"
            [format]="format()"
            [tickFormat]="tickFormat()"
            [integer]="integer()"
            [stacked]="stacked()"
            [description]="title() + (subtitle() ? ', ' + subtitle() : '')"
          />
          @if (hasPartial()) {
            <p class="partial-note tc-muted" data-testid="partial-note">
              <span class="swatch" aria-hidden="true"></span>{{ partialNote() }}
            </p>
          }
        } @else {
          <!-- Focusable, so a keyboard can scroll a table wider than the panel (the panel is the named region). -->
          <div class="tc-table-scroll" tabindex="0">
            <table mat-table [dataSource]="rows()" class="tc-table" [attr.aria-label]="title()">
              @for (column of columns(); track column.key; let first = $first) {
                <ng-container [matColumnDef]="column.key">
                  <th mat-header-cell *matHeaderCellDef [class.tc-num]="column.numeric">
                    {{ column.header }}
                  </th>
                  <td mat-cell *matCellDef="let row" [class.tc-num]="column.numeric">
                    @if (first && row.link) {
                      <a [routerLink]="row.link">{{ row.cells[column.key] }}</a>
                    } @else {
                      {{ row.cells[column.key] }}
                    }
                    @if (first && row.flag) {
                      <span class="tc-warning-chip flag"
                        ><mat-icon svgIcon="warning" aria-hidden="true" />{{ row.flag }}</span
                      >
                    }
                  </td>
                </ng-container>
              }
              <tr mat-header-row *matHeaderRowDef="columnKeys()"></tr>
              <tr mat-row *matRowDef="let row; columns: columnKeys()"></tr>
            </table>
          </div>
        }
        <ng-content />
      }
    </section>
  `,
  styles: `
    .panel {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 12px 8px 20px;
    }
    .heading {
      flex: 1 1 auto;
      min-width: 0;
    }
    h2 {
      font: var(--mat-sys-title-medium);
    }
    .heading p {
      margin: 2px 0 0;
      font: var(--mat-sys-body-small);
    }
    mat-button-toggle-group {
      --mat-button-toggle-height: 32px;
      flex: none;
    }
    tc-chart-panel {
      display: block;
      padding: 4px 16px 16px;
    }
    .partial-note {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 20px 12px;
      font: var(--mat-sys-body-small);
    }
    .swatch {
      width: 14px;
      height: 14px;
      flex: none;
      border: 1px solid #00696f;
      background: repeating-linear-gradient(135deg, #00696f 0 2px, #00696f33 2px 6px);
    }
    td a {
      color: var(--mat-sys-primary);
      text-decoration: none;
      &:hover,
      &:focus-visible {
        text-decoration: underline;
      }
    }
    .flag {
      margin-left: 8px;
    }
    .tc-table-scroll {
      max-height: 320px;
      overflow-y: auto;
    }
  `,
})
export class ReportPanel {
  private readonly csvFiles = inject(ReportCsv);
  private static nextId = 0;

  readonly title = input.required<string>();
  readonly subtitle = input('');
  readonly state = input.required<PanelState>();
  readonly columns = input.required<ReportColumn[]>();
  readonly rows = input.required<ReportRow[]>();
  /** Without series the panel is a table only. */
  readonly labels = input<string[]>([]);
  readonly series = input<ChartSeries[]>([]);
  readonly kind = input<'bar' | 'line'>('bar');
  readonly horizontal = input(false);
  readonly max = input<number | undefined>(undefined);
  readonly min = input<number | undefined>(undefined);
  /** Per label: a partial period (hatched bars, dashed lines), explained under the chart. */
  readonly partial = input<boolean[] | undefined>(undefined);
  readonly partialNote = input('Hatched: partial period (not over yet, or cut by the dates chosen)');
  readonly format = input<(value: number) => string>((value) => String(value));
  readonly integer = input(false);
  /** Series stacked on one bar per label (one series per bar: e.g. flagged rows in a series of their own). */
  readonly stacked = input(false);
  readonly tickFormat = input<((value: number) => string) | undefined>(undefined);
  readonly csv = input<ReportRequest | null>(null);
  readonly csvName = input('report.csv');
  readonly emptyIcon = input('bar_chart');
  readonly emptyTitle = input('Nothing in this period');
  readonly emptyMessage = input('Try a longer period or fewer filters.');
  readonly retry = output();

  readonly view = signal<'chart' | 'table'>('chart');
  readonly downloading = signal(false);
  readonly headingId = signal(`tc-report-panel-${ReportPanel.nextId++}`);
  readonly chartable = computed(() => this.series().length > 0);
  readonly hasPartial = computed(() => this.partial()?.some((partial) => partial) ?? false);
  readonly columnKeys = computed(() => this.columns().map((column) => column.key));

  downloadCsv(): void {
    const request = this.csv();
    if (!request) return;
    this.downloading.set(true);
    this.csvFiles.download(request, this.csvName(), () => this.downloading.set(false));
  }
}
