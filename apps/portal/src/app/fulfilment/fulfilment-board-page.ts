import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, FULFILMENT_QUEUES, type FulfilmentQueue } from '@tradecounter/contracts';
import { catchError, EMPTY, of } from 'rxjs';
import { OrderStatusChip } from '../orders/order-status-chip';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { pageParam, pageSizeParam, textParam } from '../shared/route-inputs';
import { WarehousesApi } from '../warehouses/warehouses-api';
import { FulfilmentApi } from './fulfilment-api';
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
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fulfilment-board-page.html',
  styleUrl: './fulfilment-board-page.scss',
})
export class FulfilmentBoardPage {
  private readonly api = inject(FulfilmentApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly reloads = signal(0);

  // URL query parameters: the URL is the source of truth.
  readonly warehouse = input('', { transform: textParam });
  readonly queue = input<FulfilmentQueue, string | undefined>('confirmed', {
    transform: (value) => (value && isQueue(value) ? value : 'confirmed'),
  });
  readonly page = input(1, { transform: pageParam });
  readonly pageSize = input(DEFAULT_PAGE_SIZE, { transform: pageSizeParam });

  readonly queues = FULFILMENT_QUEUES;
  readonly queueLabels = QUEUE_LABELS;
  readonly columns = ['number', 'account', 'placed', 'status', 'units', 'shipments', 'open'];

  readonly warehouses = toSignal(
    inject(WarehousesApi)
      .list()
      .pipe(catchError(() => of([]))),
  );
  /** The warehouse shown: the one in the URL, else the default one. */
  readonly warehouseCode = computed(() => {
    const list = this.warehouses() ?? [];
    return this.warehouse() || list.find((w) => w.isDefault)?.code || list[0]?.code || '';
  });

  readonly counts = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ code: this.warehouseCode(), reload: this.reloads() }))),
      ({ code }) => (code ? this.api.queues(code) : EMPTY),
    ),
  );
  readonly state = toSignal(
    loadOnEach(
      toObservable(
        computed(() => ({
          warehouseCode: this.warehouseCode(),
          status: this.queue(),
          page: this.page(),
          pageSize: this.pageSize(),
          reload: this.reloads(),
        })),
      ),
      ({ reload: _reload, ...query }) => (query.warehouseCode ? this.api.orders(query) : EMPTY),
    ),
  );

  count(queue: FulfilmentQueue): number | null {
    return this.counts()?.value?.counts[queue] ?? null;
  }

  selectWarehouse(code: string): void {
    this.setQuery({ warehouse: code, page: null });
  }

  selectQueue(queue: FulfilmentQueue): void {
    this.setQuery({ queue: queue === 'confirmed' ? null : queue, page: null });
  }

  changePage(event: PageEvent): void {
    this.setQuery({
      page: event.pageIndex + 1,
      pageSize: event.pageSize === DEFAULT_PAGE_SIZE ? null : event.pageSize,
    });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
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
