import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Channel, CreatedChannel } from '@tradecounter/contracts';
import { confirmAction } from '../shared/confirm-dialog';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { ChannelCreateDialog } from './channel-create-dialog';
import { ChannelSettingsDialog } from './channel-settings-dialog';
import { ChannelsApi } from './channels-api';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';

/**
 * Admin: channels, the API keys of the systems that send orders
 * (integrations), each bound to the customers it may order for, editable
 * and revocable.
 */
@Component({
  selector: 'tc-channels-page',
  imports: [
    DisplayDatePipe,
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <div>
          <h1>Channels</h1>
          <p class="subtitle">API keys for integrations</p>
        </div>
        <button mat-flat-button type="button" (click)="create()">
          <mat-icon svgIcon="add" />New channel
        </button>
      </header>
      <p class="tc-muted intro">
        Other systems that place orders through the API: an ERP, an EDI gateway, a marketplace. Each key
        orders only for the accounts it is given; its orders are priced, promised and checked like any other,
        and show its name as their channel.
      </p>
      <div class="tc-card">
        @let s = state();
        @if (s?.loading) {
          <tc-loading-state [compact]="!!s?.value" label="Loading channels…" />
        }
        @if (s?.problem; as problem) {
          <tc-error-state [problem]="problem" (retry)="reload()" />
        } @else if (s?.value; as channels) {
          @if (channels.length === 0) {
            <tc-empty-state
              icon="vpn_key"
              title="No channels yet"
              message="Create one to give another system an API key for sending orders."
            />
          } @else {
            <div class="tc-table-scroll">
              <table mat-table [dataSource]="channels" class="tc-table" aria-label="Channels">
                <ng-container matColumnDef="name">
                  <th mat-header-cell *matHeaderCellDef>Name</th>
                  <td mat-cell *matCellDef="let c">
                    <a [routerLink]="['/orders']" [queryParams]="{ channel: c.name }" class="tc-mono">{{
                      c.name
                    }}</a>
                  </td>
                </ng-container>
                <ng-container matColumnDef="accounts">
                  <th mat-header-cell *matHeaderCellDef>May order for</th>
                  <td mat-cell *matCellDef="let c" class="accounts">
                    @if (c.allAccounts) {
                      <span class="tc-status all" title="Anyone with this key can order for every customer">
                        <mat-icon svgIcon="warning" aria-hidden="true" />All accounts
                      </span>
                    } @else {
                      @for (a of c.accounts; track a.id) {
                        <span class="tc-status account" [title]="a.name">{{ a.code }}</span>
                      } @empty {
                        <span class="tc-muted">No account</span>
                      }
                    }
                  </td>
                </ng-container>
                <ng-container matColumnDef="addresses">
                  <th mat-header-cell *matHeaderCellDef>Ships to</th>
                  <td mat-cell *matCellDef="let c">
                    {{ c.allowAddresses ? 'Any address' : 'Saved addresses' }}
                  </td>
                </ng-container>
                <ng-container matColumnDef="key">
                  <th mat-header-cell *matHeaderCellDef>Key</th>
                  <td mat-cell *matCellDef="let c" class="tc-mono">tck_{{ c.keyPrefix }}_…</td>
                </ng-container>
                <ng-container matColumnDef="created">
                  <th mat-header-cell *matHeaderCellDef>Created</th>
                  <td mat-cell *matCellDef="let c">
                    {{ c.createdAt | displayDate }}
                    @if (c.createdBy) {
                      <span class="tc-muted">by {{ c.createdBy.name }}</span>
                    }
                  </td>
                </ng-container>
                <ng-container matColumnDef="used">
                  <th mat-header-cell *matHeaderCellDef>Last used</th>
                  <td mat-cell *matCellDef="let c">
                    {{ c.lastUsedAt ? (c.lastUsedAt | displayDateTime) : 'Never' }}
                  </td>
                </ng-container>
                <ng-container matColumnDef="status">
                  <th mat-header-cell *matHeaderCellDef>Status</th>
                  <td mat-cell *matCellDef="let c">
                    <span
                      class="tc-status"
                      [class.tc-status-active]="!c.revokedAt"
                      [class.tc-status-inactive]="!!c.revokedAt"
                      >{{ c.revokedAt ? 'Revoked ' + (c.revokedAt | displayDate) : 'Active' }}</span
                    >
                  </td>
                </ng-container>
                <ng-container matColumnDef="actions">
                  <th mat-header-cell *matHeaderCellDef><span class="tc-visually-hidden">Actions</span></th>
                  <td mat-cell *matCellDef="let c" class="tc-num actions">
                    @if (!c.revokedAt) {
                      <button mat-button type="button" (click)="edit(c)" [attr.aria-label]="'Edit ' + c.name">
                        Edit
                      </button>
                      <button
                        mat-stroked-button
                        type="button"
                        (click)="revoke(c)"
                        [attr.aria-label]="'Revoke ' + c.name"
                      >
                        Revoke
                      </button>
                    }
                  </td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let c; columns: columns" [attr.data-name]="c.name"></tr>
              </table>
            </div>
          }
        }
      </div>
    </section>
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    h1 {
      margin-bottom: 0;
    }
    .subtitle {
      margin: 2px 0 0;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    td.accounts {
      max-width: 320px;
    }
    .tc-status.account {
      margin: 2px 4px 2px 0;
    }
    .tc-status.all {
      gap: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      mat-icon {
        width: 16px;
        height: 16px;
      }
    }
    td.actions {
      white-space: nowrap;
    }
  `,
})
export class ChannelsPage {
  private readonly api = inject(ChannelsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reloads = signal(0);

  readonly columns = ['name', 'accounts', 'addresses', 'key', 'created', 'used', 'status', 'actions'];
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.list()));

  reload(): void {
    this.reloads.update((n) => n + 1);
  }

  create(): void {
    this.dialog
      .open(ChannelCreateDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: CreatedChannel) => {
        if (!created) return;
        this.snackBar.open(`Channel ${created.name} created`, 'Dismiss');
        this.reload();
      });
  }

  edit(channel: Channel): void {
    this.dialog
      .open(ChannelSettingsDialog, { data: channel, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: Channel) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} saved`, 'Dismiss');
        this.reload();
      });
  }

  revoke(channel: Channel): void {
    confirmAction(this.dialog, {
      title: `Revoke ${channel.name}?`,
      message: `Its API key stops working at once: the system using it can no longer send orders. Orders it already sent stay as they are. This cannot be undone.`,
      confirmLabel: 'Revoke key',
      dismissLabel: 'Keep it',
      action: () => this.api.revoke(channel.id),
    }).subscribe((revoked) => {
      if (!revoked) return;
      this.snackBar.open(`${channel.name} revoked`, 'Dismiss');
      this.reload();
    });
  }
}
