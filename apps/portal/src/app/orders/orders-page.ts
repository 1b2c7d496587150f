import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  INTERNAL_ROLES,
  MAX_PAGE_SIZE,
  type OrderQuery,
  type OrderStatus,
  type OrderSummary,
} from '@tradecounter/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { dateFromIso, localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { pageParam, pageSizeParam, textParam } from '../shared/route-inputs';
import { bindSearchToQuery } from '../shared/search-binding';
import { SearchField } from '../shared/search-field';
import { ACTION_LABELS, availableActions, type OrderActionName, OrderActions } from './order-actions';
import { channelLabel, ORDER_STATUS_OPTIONS, orderStatusLabel } from './order-status';
import { OrderStatusChip } from './order-status-chip';
import { OrdersApi } from './orders-api';
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
    FilterPanel,
    DatePipe,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
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
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reloads = signal(0);

  /** Route data. */
  readonly mode = input<OrderListMode>('history');
  // URL query parameters: the URL is the source of truth.
  readonly search = input('', { transform: textParam });
  readonly status = input('', { transform: textParam });
  readonly channel = input('', { transform: textParam });
  readonly from = input('', { transform: textParam });
  readonly to = input('', { transform: textParam });
  readonly accountId = input('', { transform: textParam });
  readonly page = input(1, { transform: pageParam });
  readonly pageSize = input(DEFAULT_PAGE_SIZE, { transform: pageSizeParam });

  readonly settings = computed(() => MODES[this.mode()] ?? MODES.history);
  readonly statuses = ORDER_STATUS_OPTIONS;
  readonly channels = CHANNELS;
  readonly statusLabel = orderStatusLabel;
  readonly channelLabel = channelLabel;
  readonly actionLabels = ACTION_LABELS;
  readonly role = computed(() => this.auth.user()?.role);
  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly fromDate = computed(() => (this.from() ? dateFromIso(this.from()) : null));
  /** The start of a range being picked, until its end is chosen. */
  readonly pendingFrom = signal<Date | null>(null);
  readonly toDate = computed(() => (this.to() ? dateFromIso(this.to()) : null));
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
  readonly searchControl = new FormControl('', { nonNullable: true });
  readonly searchLabel = computed(() =>
    this.isStaff() ? 'Search order, PO or account' : 'Search order or PO number',
  );
  readonly filtered = computed(
    () =>
      !!(
        this.search().trim() ||
        this.status() ||
        this.channel() ||
        this.from() ||
        this.to() ||
        this.accountId()
      ),
  );
  /** The empty list's title: what was searched for, when it was a search. */
  readonly noMatchTitle = computed(() => {
    const search = this.search().trim();
    return search ? `No orders match “${search}”` : 'No orders match';
  });

  private readonly query = computed(() => {
    const forced = this.settings().status;
    const query: OrderQuery = {
      status: (forced ?? (this.status() as OrderStatus)) || undefined,
      channel: this.channel() || undefined,
      from: this.from() || undefined,
      to: this.to() || undefined,
      accountId: this.isStaff() ? this.accountId() || undefined : undefined,
      search: this.search().trim() || undefined,
      page: this.page(),
      pageSize: this.pageSize(),
    };
    return { query, reload: this.reloads() };
  });
  readonly state = toSignal(loadOnEach(toObservable(this.query), ({ query }) => this.api.list(query)));

  constructor() {
    bindSearchToQuery(this.searchControl, this.search, (search) => this.setQuery({ search, page: null }));
  }

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
      this.reloads.update((n) => n + 1);
    });
  }

  open(order: OrderSummary): void {
    void this.router.navigate(['/orders', order.id]);
  }

  setFilter(name: 'status' | 'channel' | 'accountId', value: string): void {
    this.setQuery({ [name]: value || null, page: null });
  }

  setDates(from: Date | null, to: Date | null): void {
    this.pendingFrom.set(null);
    this.setQuery({ from: from ? localIsoDate(from) : null, to: to ? localIsoDate(to) : null, page: null });
  }

  clearFilters(): void {
    this.pendingFrom.set(null);
    this.searchControl.setValue('');
    this.setQuery({
      search: null,
      status: null,
      channel: null,
      from: null,
      to: null,
      accountId: null,
      page: null,
    });
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
