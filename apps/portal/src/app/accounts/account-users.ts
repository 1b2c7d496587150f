import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { AccountUser } from '@tradecounter/contracts';
import { RoleLabelPipe } from '../shared/labels.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { AccountsApi } from './accounts-api';
import { AccountUserDialog, AccountUserDialogData } from './account-user-dialog';

/** The account's buyers and approvers; add and edit for who may manage them. */
@Component({
  selector: 'tc-account-users',
  imports: [MatButtonModule, MatIconModule, MatTableModule, ListFrame, MoneyPipe, RoleLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-users.html',
  styles: `
    .bar {
      padding: 16px 20px 0;
    }
  `,
})
export class AccountUsers {
  private readonly api = inject(AccountsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  readonly accountId = input.required<string>();
  readonly canManage = input(false);
  readonly list = urlList({
    state: 'local',
    request: () => this.accountId(),
    fetch: (id) => this.api.users(id),
  });
  readonly columns = computed(() => [
    'name',
    'email',
    'role',
    'orderLimit',
    'active',
    ...(this.canManage() ? ['edit'] : []),
  ]);

  open(user: AccountUser | null): void {
    const data: AccountUserDialogData = { accountId: this.accountId(), user };
    this.dialog
      .open(AccountUserDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: AccountUser) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} ${user ? 'saved' : 'added'}`, 'Dismiss');
        this.list.reload();
      });
  }
}
