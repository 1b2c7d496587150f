import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { Account } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { ErrorState } from '../shared/error-state';
import { HumanizePipe } from '../shared/labels.pipe';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { AccountPricing } from '../pricing/account-pricing';
import { AccountAddresses } from './account-addresses';
import { AccountEditForm } from './account-edit-form';
import { AccountHistory } from './account-history';
import { AccountOverview } from './account-overview';
import { AccountUsers } from './account-users';
import { AccountsApi, Versioned } from './accounts-api';

@Component({
  selector: 'tc-account-detail-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatTabsModule,
    RouterLink,
    ErrorState,
    LoadingState,
    HumanizePipe,
    AccountOverview,
    AccountEditForm,
    AccountAddresses,
    AccountUsers,
    AccountHistory,
    AccountPricing,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-detail-page.html',
  styles: `
    .title {
      display: flex;
      flex-direction: column;
      gap: 2px;
      flex: 1 1 auto;
      min-width: 0;
    }
    .code {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
    }
  `,
})
export class AccountDetailPage {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthService);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly query = computed(() => ({ id: this.id(), reload: this.reloads() }));
  private readonly loaded = toSignal(
    loadOnEach(toObservable(this.query), ({ id }) => this.api.getVersioned(id)),
  );
  /** The account as last read or saved, with its ETag. */
  readonly current = linkedSignal<Versioned<Account> | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);

  /** Admin, or the account manager this account is assigned to. */
  readonly canEdit = computed(() => {
    const user = this.auth.user();
    const account = this.current()?.value;
    if (!user || !account) return false;
    return user.role === 'admin' || (user.role === 'account_manager' && account.accountManagerId === user.id);
  });
  readonly canAddAddress = computed(() => this.auth.hasRole(['admin']) || this.canEdit());
  readonly canSeeUsers = computed(() => this.auth.hasRole(['admin', 'account_manager', 'manager']));
  readonly canManageUsers = computed(() => this.auth.hasRole(['admin']));
  readonly canSeePricing = computed(() => this.auth.hasRole(['admin', 'account_manager', 'manager']));
  readonly canSeeHistory = computed(() => this.auth.hasRole(['admin', 'account_manager', 'manager']));

  saved(result: Versioned<Account>): void {
    this.current.set(result);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
