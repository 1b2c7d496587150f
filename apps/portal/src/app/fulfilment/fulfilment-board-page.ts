import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  FULFILMENT_QUEUES,
  FULFILMENT_SORT_FIELDS,
  type FulfilmentOrder,
  type FulfilmentQueue,
  type FulfilmentSortField,
} from '@tradecounter/contracts';
import { EMPTY } from 'rxjs';
import { OrderStatusChip } from '../orders/order-status-chip';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { loadOnEach } from '../shared/loadable';
import { problemMessage, toProblem } from '../shared/problem';
import { type BoardQuery, FulfilmentApi } from './fulfilment-api';
import { isQueue, QUEUE_LABELS } from './fulfilment-queues';
import { warehouseChoice, WarehouseSelect } from './warehouse-select';

/**
 * Warehouse and admin: the orders of one warehouse by fulfilment queue, oldest
 * first (placement order stays the default: first come, first served; ship-by
 * is one click away). Confirmed orders can be chosen for a wave.
 */
@Component({
  selector: 'tc-fulfilment-board-page',
  imports: [
    DisplayDatePipe,
    DisplayDateTimePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatIconModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    OrderStatusChip,
    WarehouseSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fulfilment-board-page.html',
  styleUrl: './fulfilment-board-page.scss',
})
export class FulfilmentBoardPage {
  private readonly api = inject(FulfilmentApi);
  private readonly router = inject(Router);

  readonly queues = FULFILMENT_QUEUES;
  readonly queueLabels = QUEUE_LABELS;
  readonly columns = computed(() => [
    ...(this.queue() === 'confirmed' ? ['select'] : []),
    'number',
    'account',
    'placed',
    'shipBy',
    'status',
    'units',
    'shipments',
    'open',
  ]);

  private readonly choice = warehouseChoice(() => this.list.value('warehouse'));
  readonly warehouses = this.choice.warehouses;
  /** The warehouse shown: the one in the URL, else the default one. */
  readonly warehouseCode = this.choice.code;
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

  readonly counts = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ code: this.warehouseCode(), reload: this.list.reloads() }))),
      ({ code }) => (code ? this.api.queues(code) : EMPTY),
    ),
  );

  /** Confirmed orders chosen for a wave (ids), on the page shown. */
  readonly selected = signal<ReadonlySet<string>>(new Set());
  readonly selectable = computed(() => this.list.items().filter((o) => !o.waveId));
  readonly allSelected = computed(
    () => this.selectable().length > 0 && this.selectable().every((o) => this.selected().has(o.id)),
  );
  readonly creating = signal(false);
  readonly waveProblem = signal('');

  constructor() {
    // Another queue, warehouse, page or a reload: only orders still shown and free stay chosen.
    effect(() => {
      const free = new Set(this.selectable().map((o) => o.id));
      const kept = [...untracked(this.selected)].filter((id) => free.has(id));
      this.selected.set(new Set(kept));
    });
  }

  count(queue: FulfilmentQueue): number | null {
    return this.counts()?.value?.counts[queue] ?? null;
  }

  selectQueue(queue: FulfilmentQueue): void {
    this.list.setFilter('queue', queue === 'confirmed' ? null : queue);
  }

  toggle(order: FulfilmentOrder, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(order.id);
    else next.delete(order.id);
    this.selected.set(next);
    this.waveProblem.set('');
  }

  toggleAll(on: boolean): void {
    this.selected.set(new Set(on ? this.selectable().map((o) => o.id) : []));
    this.waveProblem.set('');
  }

  createWave(): void {
    const orderIds = this.list
      .items()
      .filter((o) => this.selected().has(o.id))
      .map((o) => o.id);
    if (!orderIds.length || this.creating()) return;
    this.creating.set(true);
    this.waveProblem.set('');
    this.api.createWave({ warehouseCode: this.warehouseCode(), orderIds }).subscribe({
      next: (wave) => void this.router.navigate(['/fulfilment/waves', wave.id]),
      error: (error: unknown) => {
        this.creating.set(false);
        this.waveProblem.set(problemMessage(toProblem(error)));
        // The board may be out of date (another wave took an order): show it as it is.
        this.list.reload();
      },
    });
  }
}
