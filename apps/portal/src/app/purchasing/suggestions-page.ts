import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { DraftPurchaseOrdersResult, ReplenishmentSuggestion, Warehouse } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { problemMessage, toProblem } from '../shared/problem';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { DraftResult } from './draft-result';
import { DraftSelection } from './draft-selection';
import { injectCanPurchase } from './purchasing-access';
import { type PlanningQuery, PurchasingApi } from './purchasing-api';
import { PurchasingTabs } from './purchasing-tabs';

/**
 * Replenishment: products whose available plus on-order stock has fallen to
 * the reorder point, with the quantity up to the order-up-to level; the
 * warehouse and admins draft purchase orders for the rows they choose.
 */
@Component({
  selector: 'tc-suggestions-page',
  imports: [
    DraftResult,
    ListFrame,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    PurchasingTabs,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './suggestions-page.html',
  styleUrl: './purchasing-pages.scss',
})
export class SuggestionsPage {
  private readonly api = inject(PurchasingApi);
  readonly canWrite = injectCanPurchase();
  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of<Warehouse[]>([]))),
    { initialValue: [] },
  );
  readonly list = urlList({
    filters: ['warehouse'],
    request: ({ filters, page, pageSize }): PlanningQuery => ({
      warehouseCode: filters['warehouse'] || undefined,
      page,
      pageSize,
    }),
    fetch: (query) => this.api.suggestions(query),
  });
  readonly rows = this.list.items;
  readonly draftable = computed(() => this.rows().filter((row) => !!row.supplierCode));
  readonly selection = new DraftSelection(this.draftable);

  constructor() {
    // A choice is of rows on screen: another page, filter or a reload starts afresh.
    effect(() => {
      this.rows();
      untracked(() => this.selection.clear());
    });
  }
  readonly drafting = signal(false);
  readonly result = signal<DraftPurchaseOrdersResult | undefined>(undefined);
  readonly error = signal('');
  readonly columns = computed(() => [
    ...(this.canWrite() ? ['select'] : []),
    'product',
    'warehouse',
    'demand',
    'available',
    'onOrder',
    'reorderPoint',
    'orderUpTo',
    'suggested',
  ]);

  /** The quantity drafted for a row: as typed, else the suggestion. */
  quantity(row: ReplenishmentSuggestion): number {
    return this.selection.quantity(row) ?? row.suggestedQty;
  }

  typed(row: ReplenishmentSuggestion, value: string): void {
    const quantity = Math.trunc(Number(value));
    if (quantity > 0) {
      this.selection.setQuantity(row, quantity);
    } else if (this.selection.has(row)) {
      this.selection.toggle(row);
    }
  }

  draft(): void {
    if (this.selection.count() === 0 || this.drafting()) return;
    this.drafting.set(true);
    this.error.set('');
    this.api.draftSuggestions(this.selection.request()).subscribe({
      next: (result) => {
        this.drafting.set(false);
        this.result.set(result);
        this.list.reload();
      },
      error: (error: unknown) => {
        this.drafting.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }

  reload(): void {
    this.list.reload();
  }
}
