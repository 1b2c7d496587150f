import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Inbound, InboundStatus } from '@tradecounter/contracts';
import { catchError, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { CatalogApi } from '../catalog/catalog-api';
import { ProductPicker, type ProductRef } from '../catalog/product-picker';
import { confirmAction } from '../shared/confirm-dialog';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { InboundDialog, type InboundDialogData } from './inbound-dialog';
import { InventoryApi } from './inventory-api';

/** `?status=`: expected when absent, `any` for every status. */
type StatusFilter = InboundStatus | 'any';
const STATUS_FILTERS: readonly StatusFilter[] = ['expected', 'received', 'cancelled', 'any'];

function toStatusFilter(value: unknown): StatusFilter {
  return STATUS_FILTERS.find((status) => status === value) ?? 'expected';
}

/**
 * Warehouse and admin: supply on its way; add, change, cancel and receive it.
 * Rows from a purchase order link to it: they are received and changed there.
 */
@Component({
  selector: 'tc-inbound-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatSelectModule,
    MatTableModule,
    ListFrame,
    ProductPicker,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbound-page.html',
  styleUrl: './inventory-pages.scss',
})
export class InboundPage {
  private readonly api = inject(InventoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** `?product=` (an id: its receipts only), `?warehouse=`, `?status=`. */
  readonly list = urlList({
    filters: ['warehouse', 'product', 'status'],
    request: ({ filters, page, pageSize }) => {
      const status = toStatusFilter(filters['status']);
      return {
        warehouseCode: filters['warehouse'] || undefined,
        productId: filters['product'] || undefined,
        status: status === 'any' ? undefined : (status as InboundStatus),
        page,
        pageSize,
      };
    },
    fetch: (query) => this.api.inbound(query),
  });
  readonly warehouse = computed(() => this.list.value('warehouse'));
  readonly product = computed(() => this.list.value('product'));
  readonly status = computed(() => toStatusFilter(this.list.value('status')));

  readonly today = localIsoDate();
  readonly day = (date: string) => formatDay(date, this.today);
  readonly statusFilters = STATUS_FILTERS;
  readonly statusLabels: Record<StatusFilter, string> = {
    expected: 'Expected',
    received: 'Received',
    cancelled: 'Cancelled',
    any: 'Any status',
  };
  /** The warehouse column only while more than one warehouse is listed. */
  readonly columns = computed(() => [
    'expectedDate',
    'product',
    ...(this.warehouse() ? [] : ['warehouse']),
    'qty',
    'allocated',
    'status',
    'actions',
  ]);
  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );
  readonly productControl = new FormControl<ProductRef | null>(null);

  statusLabel(inbound: Inbound): string {
    return this.statusLabels[inbound.status];
  }

  constructor() {
    const catalog = inject(CatalogApi);
    // A link naming a product: show it in the picker.
    toObservable(this.product)
      .pipe(
        filter((id) => !!id && this.productControl.value?.id !== id),
        switchMap((id) =>
          catalog.product(id).pipe(
            map(({ sku, name }): ProductRef => ({ id, sku, name })),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((ref) => this.productControl.setValue(ref, { emitEvent: false }));
    // Picking a product filters; typing over it (no pick yet) shows every product again.
    this.productControl.valueChanges
      .pipe(
        map((ref) => ref?.id ?? ''),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        if (id !== this.product()) this.list.setFilter('product', id || null);
      });
  }

  clearFilters(): void {
    this.productControl.setValue(null, { emitEvent: false });
    this.list.clear();
  }

  selectStatus(status: StatusFilter): void {
    this.list.setFilter('status', status === 'expected' ? null : status);
  }

  add(): void {
    const defaultCode = this.warehouses().find((w) => w.isDefault)?.code ?? this.warehouses()[0]?.code ?? '';
    this.openDialog({
      inbound: null,
      warehouses: this.warehouses(),
      warehouseCode: this.warehouse() || defaultCode,
    });
  }

  edit(inbound: Inbound): void {
    this.openDialog({ inbound, warehouses: this.warehouses(), warehouseCode: inbound.warehouseCode });
  }

  receive(inbound: Inbound): void {
    confirmAction(this.dialog, {
      title: `Receive ${inbound.sku}?`,
      message:
        `${inbound.qty} × ${inbound.name} arrived at ${inbound.warehouseCode}: on hand goes up by ${inbound.qty}` +
        (inbound.allocated
          ? `, and the ${inbound.allocated} promised to orders become reserved for them.`
          : '.'),
      confirmLabel: 'Receive',
      action: () => this.api.receive(inbound),
    }).subscribe((received) => {
      if (!received) return;
      this.snackBar.open(
        `Received ${received.qty} × ${received.sku} at ${received.warehouseCode}`,
        'Dismiss',
      );
      this.list.reload();
    });
  }

  cancel(inbound: Inbound): void {
    confirmAction(this.dialog, {
      title: `Cancel this receipt of ${inbound.sku}?`,
      message: `${inbound.qty} expected ${this.day(inbound.expectedDate)} at ${inbound.warehouseCode} will no longer count towards promises.`,
      confirmLabel: 'Cancel receipt',
      dismissLabel: 'Keep it',
      action: () => this.api.updateInbound(inbound, { status: 'cancelled' }),
    }).subscribe((cancelled) => {
      if (cancelled) this.snackBar.open(`Receipt of ${cancelled.sku} cancelled`, 'Dismiss');
      this.list.reload();
    });
  }

  private openDialog(data: InboundDialogData): void {
    this.dialog
      .open(InboundDialog, { data, width: '600px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: Inbound) => {
        if (!saved) return;
        this.snackBar.open(
          `${saved.qty} × ${saved.sku} expected ${this.day(saved.expectedDate)} at ${saved.warehouseCode}`,
          'Dismiss',
        );
        if (data.inbound) {
          this.list.reload();
          return;
        }
        // A new receipt may sort onto a later page: show that product's receipts.
        const { productId: id, sku, name } = saved;
        this.productControl.setValue({ id, sku, name }, { emitEvent: false });
        this.list.patch({ product: id, status: null, page: null });
        this.list.reload();
      });
  }
}
