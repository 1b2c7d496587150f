import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  FULFILMENT_QUEUES,
  FULFILMENT_SORT_FIELDS,
  type FulfilmentQueue,
  type FulfilmentSortField,
} from '@tradecounter/contracts';
import { catchError, EMPTY, of } from 'rxjs';
import { OrderStatusChip } from '../orders/order-status-chip';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { loadOnEach } from '../shared/loadable';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { type BoardQuery, FulfilmentApi } from './fulfilment-api';
import { isQueue, QUEUE_LABELS } from './fulfilment-queues';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** Warehouse and admin: the orders of one warehouse by fulfilment queue, oldest first. */
@Component({
  selector: 'tc-fulfilment-board-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fulfilment-board-page.html',
  styleUrl: './fulfilment-board-page.scss',
})
export class FulfilmentBoardPage {
  private readonly api = inject(FulfilmentApi);

  readonly queues = FULFILMENT_QUEUES;
  readonly queueLabels = QUEUE_LABELS;
  readonly columns = ['number', 'account', 'placed', 'status', 'units', 'shipments', 'open'];

  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of([]))),
  );
  readonly list = urlList({
    filters: ['warehouse', 'queue'],
    sort: { fields: FULFILMENT_SORT_FIELDS, default: 'placedAt', dir: 'asc' },
    request: ({ page, pageSize, sort, dir }): BoardQuery | undefined => {
      const warehouseCode = this.warehouseCode();
      if (!warehouseCode) return undefined;
      return { warehouseCode, status: this.queue(), page, pageSize, sort: sort as FulfilmentSortField, dir };
    },
    fetch: (query) => this.api.orders(query),
  });
  /** The queue shown: the one in the URL, else "to pick". */
  readonly queue = computed((): FulfilmentQueue => {
    const queue = this.list.value('queue');
    return isQueue(queue) ? queue : 'confirmed';
  });
  /** The warehouse shown: the one in the URL, else the default one. */
  readonly warehouseCode = computed((): string => {
    const list = this.warehouses() ?? [];
    return this.list.value('warehouse') || list.find((w) => w.isDefault)?.code || list[0]?.code || '';
  });

  readonly counts = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ code: this.warehouseCode(), reload: this.list.reloads() }))),
      ({ code }) => (code ? this.api.queues(code) : EMPTY),
    ),
  );

  count(queue: FulfilmentQueue): number | null {
    return this.counts()?.value?.counts[queue] ?? null;
  }

  selectQueue(queue: FulfilmentQueue): void {
    this.list.setFilter('queue', queue === 'confirmed' ? null : queue);
  }
}
