import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { Category, InternalUser, ReportChannel } from '@tradecounter/contracts';
import { catchError, map, of } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { CatalogApi } from '../catalog/catalog-api';
import { FilterPanel } from '../shared/filter-panel';
import { AccountFilter } from './account-filter';
import { type PeriodChange, PeriodFields } from './period-fields';
import { PERIOD_PRESETS, type Period, type PeriodPreset } from './report-period';
import { ReportsApi } from './reports-api';

/** Query parameters to merge into the URL; null removes one. */
export type FilterChange = Record<string, string | null>;

/**
 * The filters of a dashboard, all kept in the URL by the page: period
 * (a preset or two dates), and optionally account, account manager, channel
 * and category.
 */
@Component({
  selector: 'tc-report-filters',
  imports: [MatFormFieldModule, MatSelectModule, AccountFilter, PeriodFields, FilterPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="filters" role="search" aria-label="Report filters">
      <mat-form-field>
        <mat-label>Period</mat-label>
        <mat-select [value]="preset()" (valueChange)="choosePreset($event)">
          @for (p of presets; track p.key) {
            <mat-option [value]="p.key">{{ p.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <tc-period-fields [from]="period().from" [to]="period().to" (changed)="setDates($event)" />
      <tc-filter-panel
        title="More filters"
        [active]="
          (accountId() ? 1 : 0) + (accountManagerId() ? 1 : 0) + (channel() ? 1 : 0) + (category() ? 1 : 0)
        "
      >
        @if (showAccount()) {
          <tc-account-filter
            class="account"
            [accountId]="accountId()"
            (accountIdChange)="changed.emit({ accountId: $event || null })"
          />
        }
        @if (showAccountManager()) {
          <mat-form-field>
            <mat-label>Account manager</mat-label>
            <mat-select
              [value]="accountManagerId()"
              (valueChange)="changed.emit({ accountManagerId: $event || null })"
            >
              <mat-option value="">Every account manager</mat-option>
              @for (u of accountManagers(); track u.id) {
                <mat-option [value]="u.id">{{ u.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @if (showChannel()) {
          <mat-form-field>
            <mat-label>Channel</mat-label>
            <mat-select [value]="channel()" (valueChange)="changed.emit({ channel: $event || null })">
              <mat-option value="">Every channel</mat-option>
              @for (c of channels(); track c.key) {
                <mat-option [value]="c.key">{{ c.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @if (showCategory()) {
          <mat-form-field>
            <mat-label>Category</mat-label>
            <mat-select [value]="category()" (valueChange)="changed.emit({ category: $event || null })">
              <mat-option value="">Every category</mat-option>
              @for (c of categories(); track c.name) {
                <mat-option [value]="c.name">{{ c.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
      </tc-filter-panel>
    </div>
  `,
  styles: `
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
      gap: 12px;
    }
    .account {
      grid-column: span 2;
    }
    tc-filter-panel.small {
      grid-column: 1 / -1;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class ReportFilters {
  private readonly accounts = inject(AccountsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly reports = inject(ReportsApi);

  readonly preset = input.required<PeriodPreset>();
  readonly period = input.required<Period>();
  readonly accountId = input('');
  readonly accountManagerId = input('');
  readonly channel = input('');
  readonly category = input('');
  readonly showAccount = input(true);
  readonly showAccountManager = input(true);
  readonly showChannel = input(true);
  readonly showCategory = input(true);
  readonly changed = output<FilterChange>();

  readonly presets = PERIOD_PRESETS;
  /** Every channel with orders the reader may see, by name (the API knows the integrations). */
  readonly channels = toSignal(
    this.reports.channels().pipe(
      map((answer) => answer.channels),
      catchError(() => of<ReportChannel[]>([])),
    ),
    { initialValue: [] as ReportChannel[] },
  );
  readonly accountManagers = toSignal(
    this.accounts.accountManagers().pipe(catchError(() => of<InternalUser[]>([]))),
    { initialValue: [] as InternalUser[] },
  );
  readonly categories = toSignal(this.catalog.categories().pipe(catchError(() => of<Category[]>([]))), {
    initialValue: [] as Category[],
  });

  /** A preset drops the dates; custom keeps the dates shown now, so the view does not jump. */
  choosePreset(preset: PeriodPreset): void {
    if (preset === 'custom') {
      this.changed.emit({ period: 'custom', from: this.period().from, to: this.period().to });
    } else {
      this.changed.emit({ period: preset, from: null, to: null });
    }
  }

  setDates({ from, to }: PeriodChange): void {
    this.changed.emit({ period: 'custom', from, to });
  }
}
