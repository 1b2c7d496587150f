import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
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
import { problemMessage, toProblem } from '../shared/problem';
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
    .tc-status + .tc-status {
      margin-left: 6px;
    }
    .row-actions {
      white-space: nowrap;
      text-align: end;
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

  /** The user whose invitation is being sent again. */
  readonly resending = signal<string | null>(null);

  resend(user: AccountUser): void {
    if (this.resending()) return;
    this.resending.set(user.id);
    this.api.inviteUser(this.accountId(), user.id).subscribe({
      next: () => {
        this.resending.set(null);
        this.snackBar.open(`Invitation sent again to ${user.email}`, 'Dismiss');
      },
      error: (error: unknown) => {
        this.resending.set(null);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
        this.list.reload();
      },
    });
  }

  open(user: AccountUser | null): void {
    const data: AccountUserDialogData = { accountId: this.accountId(), user };
    this.dialog
      .open(AccountUserDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: AccountUser) => {
        if (!saved) return;
        const added = saved.invited
          ? `invited: a link to set their password is on its way to ${saved.email}`
          : 'added';
        this.snackBar.open(`${saved.name} ${user ? 'saved' : added}`, 'Dismiss');
        this.list.reload();
      });
  }
}
