import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CreatedWebhookSubscription, WebhookSubscription } from '@tradecounter/contracts';
import { confirmAction } from '../shared/confirm-dialog';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { toProblem } from '../shared/problem';
import { WebhookDialog } from './webhook-dialog';
import { WebhooksApi } from './webhooks-api';
import { DisplayDatePipe } from '../shared/date.pipe';

/** Admin: where order and shipment events are sent, and how those deliveries are going. */
@Component({
  selector: 'tc-webhooks-page',
  imports: [DisplayDatePipe, MatButtonModule, MatIconModule, MatTableModule, RouterLink, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks-page.html',
  styles: `
    .url {
      min-width: 200px;
      overflow-wrap: anywhere;
    }
    .events code {
      display: inline-block;
      margin: 0 6px 2px 0;
      font-size: 0.85em;
    }
    @media (max-width: 900px) {
      .mat-column-created {
        display: none;
      }
    }
    .failed {
      color: var(--mat-sys-error);
    }
  `,
})
export class WebhooksPage {
  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly columns = ['url', 'events', 'status', 'deliveries', 'created', 'actions'];
  readonly list = urlList({ state: 'local', request: () => ({}), fetch: () => this.api.list() });

  create(): void {
    this.dialog
      .open(WebhookDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: CreatedWebhookSubscription) => {
        if (!created) return;
        this.snackBar.open('Webhook created', 'Dismiss', { duration: 4000 });
        this.list.reload();
      });
  }

  setActive(webhook: WebhookSubscription, active: boolean): void {
    const done = () => {
      this.snackBar.open(active ? 'Webhook enabled' : 'Webhook disabled', 'Dismiss', { duration: 4000 });
      this.list.reload();
    };
    if (active) {
      this.api.update(webhook.id, { active }).subscribe({
        next: done,
        error: (error: unknown) => this.snackBar.open(toProblem(error).title, 'Dismiss'),
      });
      return;
    }
    confirmAction(this.dialog, {
      title: 'Disable this webhook?',
      message: `Nothing more is sent to ${webhook.url}. Its delivery log is kept, and you can enable it again.`,
      confirmLabel: 'Disable',
      action: () => this.api.update(webhook.id, { active: false }),
    }).subscribe((result) => {
      if (result) done();
    });
  }
}
