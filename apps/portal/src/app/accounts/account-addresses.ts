import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Address } from '@tradecounter/contracts';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { AccountsApi } from './accounts-api';
import { AddressDialog, AddressDialogData } from './address-dialog';

/** The account's shipping addresses, with "Add address" for who may. */
@Component({
  selector: 'tc-account-addresses',
  imports: [MatButtonModule, MatIconModule, EmptyState, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canAdd()) {
      <div class="tc-actions bar">
        <button mat-stroked-button type="button" (click)="add()">
          <mat-icon svgIcon="add" />Add address
        </button>
      </div>
    }
    @let s = state();
    @if (s?.loading) {
      <tc-loading-state [compact]="!!s?.value" label="Loading addresses…" />
    }
    @if (s?.problem; as problem) {
      <tc-error-state [problem]="problem" (retry)="retry()" />
    } @else if (s?.value; as addresses) {
      @if (addresses.length === 0) {
        <tc-empty-state
          icon="place"
          title="No shipping addresses yet"
          message="Orders need a shipping address. Add the first one."
        />
      } @else {
        <ul class="addresses" aria-label="Shipping addresses">
          @for (a of addresses; track a.id) {
            <li class="address">
              <strong>{{ a.label }}</strong>
              <address>
                {{ a.line1 }}<br />
                @if (a.line2) {
                  {{ a.line2 }}<br />
                }
                {{ a.city }}{{ a.region ? ', ' + a.region : '' }} {{ a.postcode }}<br />
                {{ a.country }}
              </address>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .bar {
      padding: 16px 20px 0;
    }
    .addresses {
      list-style: none;
      margin: 0;
      padding: 16px 20px 20px;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    }
    .address {
      padding: 14px 16px;
      border-radius: 10px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    address {
      font-style: normal;
      margin-top: 6px;
      line-height: 1.5;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AccountAddresses {
  private readonly api = inject(AccountsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  readonly accountId = input.required<string>();
  readonly canAdd = input(false);
  private readonly reloads = signal(0);
  private readonly query = computed(() => ({ id: this.accountId(), reload: this.reloads() }));
  readonly state = toSignal(loadOnEach(toObservable(this.query), ({ id }) => this.api.addresses(id)));

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  add(): void {
    const data: AddressDialogData = { accountId: this.accountId() };
    this.dialog
      .open(AddressDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: Address) => {
        if (!created) return;
        this.snackBar.open(`Address "${created.label}" added`, 'Dismiss');
        this.retry();
      });
  }
}
