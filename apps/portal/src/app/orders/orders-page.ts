import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  INTERNAL_ROLES,
  MAX_PAGE_SIZE,
  ORDER_SORT_FIELDS,
  type OrderQuery,
  type OrderStatus,
  type OrderSummary,
} from '@tradecounter/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { dateFromIso, localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { SearchField } from '../shared/search-field';
import { ACTION_LABELS, availableActions, type OrderActionName, OrderActions } from './order-actions';
import { channelLabel, ORDER_STATUS_OPTIONS, orderStatusLabel } from './order-status';
import { OrderStatusChip } from './order-status-chip';
import { OrdersApi } from './orders-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { FilterPanel } from '../shared/filter-panel';

/** The same list serves history, the approvers' queue and the account managers' holds. */
export type OrderListMode = 'history' | 'approvals' | 'holds';

const MODES: Record<
  OrderListMode,
  { title: string; status?: OrderStatus; empty: string; actions: OrderActionName[] }
> = {
  history: { title: 'Orders', empty: 'No orders yet', actions: [] },
  approvals: {
    title: 'Approvals',
    status: 'pending_approval',
    empty: 'Nothing waits for your approval',
    actions: ['approve', 'reject'],
  },
  holds: {
    title: 'Credit holds',
    status: 'on_hold',
    empty: 'No order is on credit hold',
    actions: ['release-hold'],
  },
};

const CHANNELS = ['portal', 'phone', 'api', 'csv'];

@Component({
  selector: 'tc-orders-page',
  imports: [
    DisplayDateTimePipe,
    FilterPanel,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    MoneyPipe,
    OrderStatusChip,
    SearchField,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './orders-page.html',
  styleUrl: './orders-page.scss',
})
export class OrdersPage {
  private readonly api = inject(OrdersApi);
  private readonly accounts = inject(AccountsApi);
  private readonly actions = inject(OrderActions);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);

  /** Route data. */
  readonly mode = input<OrderListMode>('history');

  readonly settings = computed(() => MODES[this.mode()] ?? MODES.history);
  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly list = urlList({
    filters: ['status', 'channel', 'from', 'to', 'accountId'],
    search: true,
    sort: { fields: ORDER_SORT_FIELDS, default: 'placedAt', dir: 'desc' },
    request: ({ filters, search, page, pageSize, sort, dir }): OrderQuery => ({
      status: (this.settings().status ?? (filters['status'] as OrderStatus)) || undefined,
      channel: filters['channel'] || undefined,
      from: filters['from'] || undefined,
      to: filters['to'] || undefined,
      accountId: this.isStaff() ? filters['accountId'] || undefined : undefined,
      search: search || undefined,
      page,
      pageSize,
      sort: sort as OrderQuery['sort'],
      dir,
    }),
    fetch: (query) => this.api.list(query),
  });
  readonly statuses = ORDER_STATUS_OPTIONS;
  readonly channels = CHANNELS;
  readonly statusLabel = orderStatusLabel;
  readonly channelLabel = channelLabel;
  readonly actionLabels = ACTION_LABELS;
  readonly role = computed(() => this.auth.user()?.role);
  readonly fromDate = computed(() => (this.list.value('from') ? dateFromIso(this.list.value('from')) : null));
  /** The start of a range being picked, until its end is chosen. */
  readonly pendingFrom = signal<Date | null>(null);
  readonly toDate = computed(() => (this.list.value('to') ? dateFromIso(this.list.value('to')) : null));
  readonly staffAccounts = toSignal(
    toObservable(this.isStaff).pipe(
      switchMap((staff) =>
        staff
          ? this.accounts.list({ pageSize: MAX_PAGE_SIZE }).pipe(
              map((page) => page.items),
              catchError(() => of([])),
            )
          : of([]),
      ),
    ),
    { initialValue: [] },
  );
  readonly columns = computed(() => [
    'number',
    'placedAt',
    ...(this.isStaff() ? ['account'] : []),
    'poNumber',
    'status',
    'channel',
    'lines',
    'subtotal',
    ...(this.settings().actions.length ? ['actions'] : []),
  ]);
  readonly searchLabel = computed(() =>
    this.isStaff() ? 'Search order, PO or account' : 'Search order or PO number',
  );
  /** The empty list's title: what was searched for, when it was a search. */
  readonly noMatchTitle = computed(() => {
    const search = this.list.search().trim();
    return search ? `No orders match “${search}”` : 'No orders match';
  });

  actionsFor(order: OrderSummary): OrderActionName[] {
    const allowed = availableActions(order, this.role());
    return this.settings().actions.filter((action) => allowed.includes(action));
  }

  act(order: OrderSummary, action: OrderActionName, event: Event): void {
    event.stopPropagation();
    this.actions.run(order, action).subscribe((changed) => {
      if (!changed) return;
      this.snackBar.open(
        `Order ${changed.number} is now ${orderStatusLabel(changed.status).toLowerCase()}`,
        'Dismiss',
      );
      this.list.reload();
    });
  }

  setDates(from: Date | null, to: Date | null): void {
    this.pendingFrom.set(null);
    this.list.patch({ from: from ? localIsoDate(from) : null, to: to ? localIsoDate(to) : null, page: null });
  }

  clearFilters(): void {
    this.pendingFrom.set(null);
    this.list.clear();
  }
}
