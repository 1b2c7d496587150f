import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { DraftPurchaseOrdersResult, ReplenishmentSuggestion, Warehouse } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { ListFrame } from '../shared/list/list-frame';
import { loadOnEach } from '../shared/loadable';
import { problemMessage, toProblem } from '../shared/problem';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { DraftResult } from './draft-result';
import { DraftSelection } from './draft-selection';
import { injectCanPurchase } from './purchasing-access';
import { PurchasingApi } from './purchasing-api';
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
  readonly warehouse = signal('');
  private readonly reloads = signal(0);
  readonly state = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ warehouse: this.warehouse(), reload: this.reloads() }))),
      ({ warehouse }) => this.api.suggestions(warehouse),
    ),
  );
  readonly rows = computed(() => this.state()?.value ?? []);
  readonly draftable = computed(() => this.rows().filter((row) => !!row.supplierCode));
  readonly selection = new DraftSelection(this.draftable);
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

  chooseWarehouse(code: string): void {
    this.selection.clear();
    this.warehouse.set(code);
  }

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
        this.selection.clear();
        this.reloads.update((n) => n + 1);
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
