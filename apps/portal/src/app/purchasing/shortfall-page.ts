import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { DraftPurchaseOrdersResult, ShortfallRow } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { DisplayDatePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { loadOnEach } from '../shared/loadable';
import { problemMessage, toProblem } from '../shared/problem';
import { DraftResult } from './draft-result';
import { DraftSelection } from './draft-selection';
import { PurchasingApi } from './purchasing-api';
import { PurchasingTabs } from './purchasing-tabs';

/** Orders waiting for supply that nothing covers, per product and warehouse, and drafting purchase orders for it. */
@Component({
  selector: 'tc-shortfall-page',
  imports: [
    DisplayDatePipe,
    DraftResult,
    ListFrame,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    MatTableModule,
    PurchasingTabs,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shortfall-page.html',
  styleUrl: './purchasing-pages.scss',
})
export class ShortfallPage {
  private readonly api = inject(PurchasingApi);
  private readonly reloads = signal(0);
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.shortfall()));
  readonly rows = computed(() => this.state()?.value ?? []);
  /** Rows a draft can be made for: a supplier, and units not yet on a draft. */
  readonly draftable = computed(() => this.rows().filter((row) => this.canDraft(row)));
  readonly selection = new DraftSelection(this.draftable);
  readonly drafting = signal(false);
  readonly result = signal<DraftPurchaseOrdersResult | undefined>(undefined);
  readonly error = signal('');
  readonly today = localIsoDate();
  readonly columns = [
    'select',
    'product',
    'warehouse',
    'supplier',
    'demand',
    'onDraft',
    'shortfall',
    'pack',
    'draftQuantity',
    'oldest',
    'promised',
  ];

  canDraft(row: ShortfallRow): boolean {
    return !!row.supplierCode && row.draftQuantity > 0;
  }

  day(date: string): string {
    return formatDay(date, this.today);
  }

  draft(): void {
    if (this.selection.count() === 0 || this.drafting()) return;
    this.drafting.set(true);
    this.error.set('');
    this.api.draftShortfall(this.selection.request()).subscribe({
      next: (result) => {
        this.drafting.set(false);
        this.result.set(result);
        this.selection.clear();
        this.reload();
      },
      error: (error: unknown) => {
        this.drafting.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }

  reload(): void {
    this.reloads.update((n) => n + 1);
  }
}
