import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
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
import { problemMessage, toProblem } from '../shared/problem';
import { DisplayDatePipe } from '../shared/date.pipe';
import { WebhookDialog } from './webhook-dialog';
import { sendTestEvent, testOutcome } from './webhook-test';
import { WebhooksApi } from './webhooks-api';

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
    .failed,
    .test-result.bad {
      color: var(--mat-sys-error);
    }
    .test-result {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
    .test-result.good {
      color: var(--mat-sys-primary);
    }
  `,
})
export class WebhooksPage {
  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly columns = ['url', 'events', 'status', 'deliveries', 'created', 'actions'];
  readonly list = urlList({ state: 'local', request: () => ({}), fetch: () => this.api.list() });

  /** Per subscription: the last test event's progress or outcome. */
  readonly tests = signal<Record<string, { sending: boolean; ok: boolean; text: string }>>({});

  sendTest(webhook: WebhookSubscription): void {
    const show = (result: { sending: boolean; ok: boolean; text: string }) =>
      this.tests.update((tests) => ({ ...tests, [webhook.id]: result }));
    show({ sending: true, ok: true, text: 'Sending a test event…' });
    sendTestEvent(this.api, webhook.id).subscribe({
      next: (delivery) => show({ sending: false, ...testOutcome(delivery) }),
      error: (error: unknown) => show({ sending: false, ok: false, text: problemMessage(toProblem(error)) }),
      complete: () => this.list.reload(),
    });
  }

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
