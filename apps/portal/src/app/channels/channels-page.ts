import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Channel, CreatedChannel } from '@tradecounter/contracts';
import { confirmAction } from '../shared/confirm-dialog';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
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
    ListFrame,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channels-page.html',
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

  readonly columns = ['name', 'accounts', 'addresses', 'key', 'created', 'used', 'status', 'actions'];
  readonly list = urlList({ state: 'local', request: () => ({}), fetch: () => this.api.list() });

  create(): void {
    this.dialog
      .open(ChannelCreateDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: CreatedChannel) => {
        if (!created) return;
        this.snackBar.open(`Channel ${created.name} created`, 'Dismiss');
        this.list.reload();
      });
  }

  edit(channel: Channel): void {
    this.dialog
      .open(ChannelSettingsDialog, { data: channel, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: Channel) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} saved`, 'Dismiss');
        this.list.reload();
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
      this.list.reload();
    });
  }
}
