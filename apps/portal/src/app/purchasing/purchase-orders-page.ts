import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { type MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  PURCHASE_ORDER_SORT_FIELDS,
  PURCHASE_ORDER_STATUSES,
  type PurchaseOrderQuery,
  type PurchaseOrderStatus,
  type Supplier,
} from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { DisplayDatePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { SearchField } from '../shared/search-field';
import { PurchaseOrderStatusChip, purchaseOrderStatusLabel } from './purchase-order-status';
import { injectCanPurchase } from './purchasing-access';
import { PurchasingApi } from './purchasing-api';
import { PurchasingTabs } from './purchasing-tabs';

const ALL = 'all';

/** Purchase orders: by status, supplier and search, overdue ones flagged; the warehouse and admins make new ones. */
@Component({
  selector: 'tc-purchase-orders-page',
  imports: [
    DisplayDatePipe,
    ListFrame,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MoneyPipe,
    PurchaseOrderStatusChip,
    PurchasingTabs,
    RouterLink,
    SearchField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './purchase-orders-page.html',
  styleUrl: './purchasing-pages.scss',
})
export class PurchaseOrdersPage {
  private readonly api = inject(PurchasingApi);

  readonly canWrite = injectCanPurchase();
  readonly suppliers = toSignal(this.api.suppliers().pipe(catchError(() => of<Supplier[]>([]))), {
    initialValue: [],
  });
  readonly status = computed(() => this.list.value('status') || ALL);
  readonly list = urlList({
    filters: ['status', 'supplier'],
    search: true,
    sort: { fields: PURCHASE_ORDER_SORT_FIELDS, default: 'createdAt', dir: 'desc' },
    request: ({ filters, search, page, pageSize, sort, dir }): PurchaseOrderQuery => ({
      status: (filters['status'] || undefined) as PurchaseOrderStatus | undefined,
      supplierCode: filters['supplier'] || undefined,
      search: search || undefined,
      page,
      pageSize,
      sort: sort as PurchaseOrderQuery['sort'],
      dir,
    }),
    fetch: (query) => this.api.orders(query),
  });
  readonly statuses = PURCHASE_ORDER_STATUSES;
  readonly statusLabel = purchaseOrderStatusLabel;
  readonly today = localIsoDate();
  readonly columns = ['number', 'supplier', 'status', 'createdAt', 'expectedDate', 'units', 'total'];

  chipChange(event: MatChipListboxChange): void {
    const value: unknown = event.value;
    if (typeof value === 'string' && value) this.list.setFilter('status', value === ALL ? null : value);
    else event.source.value = this.status();
  }

  day(date: string | null): string {
    return date ? formatDay(date, this.today) : '—';
  }
}
