import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatTabsModule } from '@angular/material/tabs';
import { AuthService } from '../auth/auth.service';
import { ErrorState } from '../shared/error-state';
import { HumanizePipe } from '../shared/labels.pipe';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { AccountAddresses } from './account-addresses';
import { AccountOverview } from './account-overview';
import { RecentCreditNotes } from '../returns/recent-credit-notes';
import { AccountUsers } from './account-users';
import { AccountsApi } from './accounts-api';

/** A customer user's own account; approvers also manage its users. */
@Component({
  selector: 'tc-my-account-page',
  imports: [
    MatTabsModule,
    ErrorState,
    LoadingState,
    HumanizePipe,
    AccountOverview,
    AccountAddresses,
    AccountUsers,
    RecentCreditNotes,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        @if (state()?.value; as a) {
          <h1>{{ a.name }}</h1>
          <span class="tc-status" [class]="'tc-status-' + a.status">{{ a.status | humanize }}</span>
        } @else {
          <h1>My account</h1>
        }
      </header>
      <div class="tc-card">
        @let s = state();
        @if (s?.value; as a) {
          <mat-tab-group mat-stretch-tabs="false" animationDuration="150ms">
            <mat-tab label="Overview"><tc-account-overview [account]="a" /></mat-tab>
            <mat-tab label="Addresses">
              <ng-template matTabContent
                ><tc-account-addresses [accountId]="a.id" [canAdd]="true"
              /></ng-template>
            </mat-tab>
            @if (isApprover()) {
              <mat-tab label="Users">
                <ng-template matTabContent
                  ><tc-account-users [accountId]="a.id" [canManage]="true"
                /></ng-template>
              </mat-tab>
            }
          </mat-tab-group>
        } @else if (s?.problem; as problem) {
          <tc-error-state [problem]="problem" (retry)="retry()" />
        } @else {
          <tc-loading-state label="Loading your account…" />
        }
      </div>
      @if (state()?.value; as a) {
        <tc-recent-credit-notes [accountId]="a.id" />
      }
    </section>
  `,
})
export class MyAccountPage {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthService);
  private readonly reloads = signal(0);
  readonly isApprover = computed(() => this.auth.hasRole(['approver']));
  private readonly query = computed(() => ({
    id: this.auth.user()?.accountId ?? '',
    reload: this.reloads(),
  }));
  readonly state = toSignal(loadOnEach(toObservable(this.query), ({ id }) => this.api.get(id)));

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
