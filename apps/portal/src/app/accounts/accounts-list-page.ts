import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ACCOUNT_SORT_FIELDS,
  ACCOUNT_STATUSES,
  type Account,
  type AccountSortField,
  type AccountStatus,
} from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { HumanizePipe } from '../shared/labels.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { SearchField } from '../shared/search-field';
import { AccountsApi } from './accounts-api';
import { NewAccountDialog } from './new-account-dialog';

function toStatus(value: string): AccountStatus | undefined {
  return ACCOUNT_STATUSES.find((status) => status === value);
}

@Component({
  selector: 'tc-accounts-list-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ListFrame,
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

  readonly list = urlList({
    filters: ['status'],
    search: true,
    sort: { fields: ACCOUNT_SORT_FIELDS, default: 'name', dir: 'asc' },
    request: ({ filters, search, page, pageSize, sort, dir }) => ({
      search,
      status: toStatus(filters['status'] ?? ''),
      page,
      pageSize,
      sort: sort as AccountSortField,
      dir,
    }),
    fetch: (query) => this.api.list(query),
  });
  readonly statuses = ACCOUNT_STATUSES;
  readonly canCreate = computed(() => this.auth.hasRole(['admin']));
  readonly columns = ['code', 'name', 'status', 'manager', 'creditLimit', 'creditExposure', 'terms'];

  newAccount(): void {
    this.dialog
      .open(NewAccountDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: Account) => {
        if (created) void this.router.navigate([created.id], { relativeTo: this.route });
      });
  }
}
