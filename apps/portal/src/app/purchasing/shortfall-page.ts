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
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { DraftPurchaseOrdersResult, ShortfallRow, Supplier, Warehouse } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { DisplayDatePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { problemMessage, toProblem } from '../shared/problem';
import { DraftResult } from './draft-result';
import { DraftSelection } from './draft-selection';
import { type PlanningQuery, PurchasingApi } from './purchasing-api';
import { WarehousesApi } from '../warehouses/warehouses-api';
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
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
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
  readonly suppliers = toSignal(this.api.suppliers().pipe(catchError(() => of<Supplier[]>([]))), {
    initialValue: [],
  });
  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of<Warehouse[]>([]))),
    { initialValue: [] },
  );
  readonly list = urlList({
    filters: ['warehouse', 'supplier'],
    request: ({ filters, page, pageSize }): PlanningQuery => ({
      warehouseCode: filters['warehouse'] || undefined,
      supplierCode: filters['supplier'] || undefined,
      page,
      pageSize,
    }),
    fetch: (query) => this.api.shortfall(query),
  });
  readonly rows = this.list.items;
  /** Rows a draft can be made for: a supplier, and units not yet on a draft. */
  readonly draftable = computed(() => this.rows().filter((row) => this.canDraft(row)));
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
        this.reload();
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
