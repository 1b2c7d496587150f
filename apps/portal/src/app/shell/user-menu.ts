import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import type { Account, User } from '@tradecounter/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { roleLabel } from '../shared/labels';

@Component({
  selector: 'tc-user-menu',
  imports: [MatButtonModule, MatMenuModule, MatIconModule, MatDividerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      class="trigger"
      type="button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="user().name + ', user menu'"
    >
      <mat-icon svgIcon="account" />
      <span class="name">{{ user().name }}</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <div class="who" role="presentation">
        <strong>{{ user().name }}</strong>
        <span>{{ user().email }}</span>
        <span>{{ role() }}</span>
        @if (account(); as account) {
          <span>{{ account.code }} · {{ account.name }}</span>
        }
      </div>
      <mat-divider />
      <button mat-menu-item type="button" (click)="auth.logout()">
        <mat-icon svgIcon="logout" />Sign out
      </button>
    </mat-menu>
  `,
  styles: `
    .trigger {
      color: inherit;
    }
    .trigger mat-icon {
      margin-right: 4px;
    }
    @media (max-width: 600px) {
      .name {
        display: none;
      }
      .trigger {
        min-width: 0;
        padding: 0 8px;
      }
      .trigger mat-icon {
        margin-right: 0;
      }
    }
    .who {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 16px;
      min-width: 220px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .who strong {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class UserMenu {
  protected readonly auth = inject(AuthService);
  private readonly http = inject(HttpClient);
  readonly user = input.required<User>();
  readonly role = computed(() => roleLabel(this.user().role));
  /** Customer users: the account they buy for. */
  readonly account = toSignal(
    toObservable(this.user).pipe(
      switchMap((user) =>
        user.accountId
          ? this.http.get<Account>(`/api/accounts/${user.accountId}`).pipe(catchError(() => of(null)))
          : of(null),
      ),
    ),
  );
}
