import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { STOCK_SORT_FIELDS, type StockLevel, type StockSortField } from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { SearchField } from '../shared/search-field';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { InventoryApi } from './inventory-api';
import { StockEditData, StockEditDialog } from './stock-edit-dialog';

/** "Low stock" lists the rows with this many units available or fewer. */
export const LOW_STOCK_AT = 10;

/** Warehouse and admin: stock per product and warehouse, with the counted on-hand and the bin editable. */
@Component({
  selector: 'tc-stock-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    ListFrame,
    SearchField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './stock-page.html',
  styleUrl: './inventory-pages.scss',
})
export class StockPage {
  private readonly api = inject(InventoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly lowStockAt = LOW_STOCK_AT;
  readonly list = urlList({
    filters: ['warehouse', 'low'],
    search: true,
    sort: { fields: STOCK_SORT_FIELDS, default: 'sku', dir: 'asc' },
    request: ({ filters, search, page, pageSize, sort, dir }) => ({
      search,
      warehouseCode: filters['warehouse'] || undefined,
      lowStock: filters['low'] ? LOW_STOCK_AT : undefined,
      page,
      pageSize,
      sort: sort as StockSortField,
      dir,
    }),
    fetch: (query) => this.api.stock(query),
  });
  /** The warehouse column only while more than one warehouse is listed. */
  readonly columns = computed(() => [
    'sku',
    'name',
    ...(this.list.value('warehouse') ? [] : ['warehouse']),
    'bin',
    'onHand',
    'reserved',
    'available',
    'inbound',
    'edit',
  ]);
  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );

  edit(level: StockLevel): void {
    const data: StockEditData = { level };
    this.dialog
      .open(StockEditDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: StockLevel) => {
        if (!saved) return;
        const bin = saved.bin ? `, bin ${saved.bin}` : '';
        this.snackBar.open(
          `${saved.sku} at ${saved.warehouseCode}: ${saved.onHand} on hand${bin}`,
          'Dismiss',
        );
        this.list.reload();
      });
  }
}
