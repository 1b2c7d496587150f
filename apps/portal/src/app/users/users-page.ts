import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import {
  INTERNAL_ROLES,
  type InternalRole,
  type InternalUser,
  USER_SORT_FIELDS,
  type UserSortField,
} from '@tradecounter/contracts';
import { RoleLabelPipe } from '../shared/labels.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { SearchField } from '../shared/search-field';
import { UserDialog, UserDialogData } from './user-dialog';
import { UsersApi } from './users-api';

function toRole(value: string): InternalRole | undefined {
  return INTERNAL_ROLES.find((role) => role === value);
}

/** Admin: the distributor's staff accounts. */
@Component({
  selector: 'tc-users-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    ListFrame,
    RoleLabelPipe,
    SearchField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly list = urlList({
    filters: ['role'],
    search: true,
    sort: { fields: USER_SORT_FIELDS, default: 'name', dir: 'asc' },
    request: ({ filters, search, page, pageSize, sort, dir }) => ({
      search,
      role: toRole(filters['role'] ?? ''),
      page,
      pageSize,
      sort: sort as UserSortField,
      dir,
    }),
    fetch: (query) => this.api.list(query),
  });
  readonly roles = INTERNAL_ROLES;
  readonly columns = ['name', 'email', 'role', 'active', 'edit'];

  open(user: InternalUser | null): void {
    const data: UserDialogData = { user };
    this.dialog
      .open(UserDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: InternalUser) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} ${user ? 'saved' : 'added'}`, 'Dismiss');
        this.list.reload();
      });
  }
}
