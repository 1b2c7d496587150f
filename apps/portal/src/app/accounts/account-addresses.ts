import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Address } from '@tradecounter/contracts';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { AccountsApi } from './accounts-api';
import { AddressDialog, AddressDialogData } from './address-dialog';

/** The account's shipping addresses, with "Add address" for who may. */
@Component({
  selector: 'tc-account-addresses',
  imports: [MatButtonModule, MatIconModule, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canAdd()) {
      <div class="tc-actions bar">
        <button mat-stroked-button type="button" (click)="add()">
          <mat-icon svgIcon="add" />Add address
        </button>
      </div>
    }
    <tc-list-frame
      [state]="list.state()"
      [card]="false"
      loadingLabel="Loading addresses…"
      emptyIcon="place"
      emptyTitle="No shipping addresses yet"
      emptyMessage="Orders need a shipping address. Add the first one."
      (retry)="list.reload()"
    >
      <ul class="addresses" aria-label="Shipping addresses">
        @for (a of list.items(); track a.id) {
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
    </tc-list-frame>
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
  readonly list = urlList({
    state: 'local',
    request: () => this.accountId(),
    fetch: (id) => this.api.addresses(id),
  });

  add(): void {
    const data: AddressDialogData = { accountId: this.accountId() };
    this.dialog
      .open(AddressDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: Address) => {
        if (!created) return;
        this.snackBar.open(`Address "${created.label}" added`, 'Dismiss');
        this.list.reload();
      });
  }
}
