import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type StockLevel } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { bindSearchToQuery } from '../shared/search-binding';
import { SearchField } from '../shared/search-field';
import { LoadingState } from '../shared/loading-state';
import { flagParam, pageParam, pageSizeParam, textParam } from '../shared/route-inputs';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { InventoryApi } from './inventory-api';
import { StockEditData, StockEditDialog } from './stock-edit-dialog';

/** "Low stock" lists the rows with this many units available or fewer. */
export const LOW_STOCK_AT = 10;

/** Warehouse and admin: stock per product and warehouse, with the counted on-hand editable. */
@Component({
  selector: 'tc-stock-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    SearchField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './stock-page.html',
  styleUrl: './inventory-pages.scss',
})
export class StockPage {
  private readonly api = inject(InventoryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reloads = signal(0);

  // URL query parameters (router input binding): the URL is the source of truth.
  readonly search = input('', { transform: textParam });
  readonly warehouse = input('', { transform: textParam });
  readonly low = input(false, { transform: flagParam });
  readonly page = input(1, { transform: pageParam });
  readonly pageSize = input(DEFAULT_PAGE_SIZE, { transform: pageSizeParam });

  readonly lowStockAt = LOW_STOCK_AT;
  /** The warehouse column only while more than one warehouse is listed. */
  readonly columns = computed(() => [
    'sku',
    'name',
    ...(this.warehouse() ? [] : ['warehouse']),
    'onHand',
    'reserved',
    'available',
    'inbound',
    'edit',
  ]);
  readonly searchControl = new FormControl('', { nonNullable: true });
  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );
  /** Any filter narrows the list: the empty state then offers to clear them. */
  readonly filtered = computed(() => !!(this.search() || this.warehouse() || this.low()));

  private readonly query = computed(() => ({
    search: this.search().trim(),
    warehouseCode: this.warehouse() || undefined,
    lowStock: this.low() ? LOW_STOCK_AT : undefined,
    page: this.page(),
    pageSize: this.pageSize(),
    reload: this.reloads(),
  }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ reload: _reload, ...query }) => this.api.stock(query)),
  );

  constructor() {
    bindSearchToQuery(this.searchControl, this.search, (search) => this.setQuery({ search, page: null }));
  }

  selectWarehouse(code: string): void {
    this.setQuery({ warehouse: code || null, page: null });
  }

  showLow(low: boolean): void {
    this.setQuery({ low: low ? 1 : null, page: null });
  }

  changePage(event: PageEvent): void {
    this.setQuery({
      page: event.pageIndex + 1,
      pageSize: event.pageSize === DEFAULT_PAGE_SIZE ? null : event.pageSize,
    });
  }

  clearFilters(): void {
    this.searchControl.setValue('');
    this.setQuery({ search: null, warehouse: null, low: null, page: null });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  edit(level: StockLevel): void {
    const data: StockEditData = { level };
    this.dialog
      .open(StockEditDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: StockLevel) => {
        if (!saved) return;
        this.snackBar.open(`${saved.sku} at ${saved.warehouseCode}: ${saved.onHand} on hand`, 'Dismiss');
        this.retry();
      });
  }

  private setQuery(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
