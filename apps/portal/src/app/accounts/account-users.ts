import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { AccountUser } from '@tradecounter/contracts';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { RoleLabelPipe } from '../shared/labels.pipe';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { AccountsApi } from './accounts-api';
import { AccountUserDialog, AccountUserDialogData } from './account-user-dialog';

/** The account's buyers and approvers; add and edit for who may manage them. */
@Component({
  selector: 'tc-account-users',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    MoneyPipe,
    RoleLabelPipe,
  ],
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
  private readonly reloads = signal(0);
  private readonly query = computed(() => ({ id: this.accountId(), reload: this.reloads() }));
  readonly state = toSignal(loadOnEach(toObservable(this.query), ({ id }) => this.api.users(id)));
  readonly columns = computed(() => [
    'name',
    'email',
    'role',
    'orderLimit',
    'active',
    ...(this.canManage() ? ['edit'] : []),
  ]);

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  open(user: AccountUser | null): void {
    const data: AccountUserDialogData = { accountId: this.accountId(), user };
    this.dialog
      .open(AccountUserDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: AccountUser) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} ${user ? 'saved' : 'added'}`, 'Dismiss');
        this.retry();
      });
  }
}
