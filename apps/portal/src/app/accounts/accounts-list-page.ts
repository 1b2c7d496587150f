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
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import {
  ACCOUNT_STATUSES,
  type Account,
  type AccountStatus,
  DEFAULT_PAGE_SIZE,
} from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { HumanizePipe } from '../shared/labels.pipe';
import { loadOnEach } from '../shared/loadable';
import { bindSearchToQuery } from '../shared/search-binding';
import { SearchField } from '../shared/search-field';
import { pageParam, pageSizeParam, textParam } from '../shared/route-inputs';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { AccountsApi } from './accounts-api';
import { NewAccountDialog } from './new-account-dialog';

function toStatus(value: unknown): AccountStatus | '' {
  return ACCOUNT_STATUSES.find((status) => status === value) ?? '';
}

@Component({
  selector: 'tc-accounts-list-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    MoneyPipe,
    HumanizePipe,
    SearchField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accounts-list-page.html',
})
export class AccountsListPage {
  private readonly api = inject(AccountsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthService);
  private readonly reloads = signal(0);

  readonly search = input('', { transform: textParam });
  readonly status = input<AccountStatus | '', unknown>('', { transform: toStatus });
  readonly page = input(1, { transform: pageParam });
  readonly pageSize = input(DEFAULT_PAGE_SIZE, { transform: pageSizeParam });

  readonly statuses = ACCOUNT_STATUSES;
  readonly canCreate = computed(() => this.auth.hasRole(['admin']));
  readonly columns = ['code', 'name', 'status', 'manager', 'creditLimit', 'creditExposure', 'terms'];
  readonly searchControl = new FormControl('', { nonNullable: true });

  private readonly query = computed(() => ({
    search: this.search().trim(),
    status: this.status() || undefined,
    page: Math.max(1, this.page()),
    pageSize: this.pageSize(),
    reload: this.reloads(),
  }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ reload: _reload, ...query }) => this.api.list(query)),
  );

  constructor() {
    bindSearchToQuery(this.searchControl, this.search, (search) => this.setQuery({ search, page: null }));
  }

  selectStatus(status: string): void {
    this.setQuery({ status: status || null, page: null });
  }

  changePage(event: PageEvent): void {
    this.setQuery({
      page: event.pageIndex + 1,
      pageSize: event.pageSize === DEFAULT_PAGE_SIZE ? null : event.pageSize,
    });
  }

  clearFilters(): void {
    this.searchControl.setValue('');
    this.setQuery({ search: null, status: null, page: null });
  }

  open(account: Account): void {
    void this.router.navigate([account.id], { relativeTo: this.route });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  newAccount(): void {
    this.dialog
      .open(NewAccountDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: Account) => {
        if (created) this.open(created);
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
