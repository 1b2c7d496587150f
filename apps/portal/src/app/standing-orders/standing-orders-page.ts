import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  CUSTOMER_ROLES,
  INTERNAL_ROLES,
  MAX_PAGE_SIZE,
  type StandingOrderListQuery,
  type StandingOrderStatus,
} from '@tradecounter/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { AuthService } from '../auth/auth.service';
import { DisplayDatePipe } from '../shared/date.pipe';
import { FilterPanel } from '../shared/filter-panel';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { scheduleInWords } from './schedule-words';
import { StandingOrderStatusChip } from './standing-order-status-chip';
import { StandingOrdersApi } from './standing-orders-api';

/** The orders that place themselves: the account's, or (staff) their accounts'. */
@Component({
  selector: 'tc-standing-orders-page',
  imports: [
    DisplayDatePipe,
    FilterPanel,
    ListFrame,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    StandingOrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './standing-orders-page.html',
  styleUrl: './standing-orders-page.scss',
})
export class StandingOrdersPage {
  private readonly api = inject(StandingOrdersApi);
  private readonly accounts = inject(AccountsApi);
  private readonly auth = inject(AuthService);

  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly isCustomer = computed(() => this.auth.hasRole(CUSTOMER_ROLES));
  readonly scheduleInWords = scheduleInWords;
  readonly list = urlList({
    filters: ['status', 'accountId'],
    request: ({ filters, page, pageSize }): StandingOrderListQuery => ({
      status: (filters['status'] as StandingOrderStatus) || undefined,
      accountId: this.isStaff() ? filters['accountId'] || undefined : undefined,
      page,
      pageSize,
    }),
    fetch: (query) => this.api.list(query),
  });
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
    'name',
    ...(this.isStaff() ? ['account'] : []),
    'status',
    'schedule',
    'lines',
    'nextRun',
  ]);
}
