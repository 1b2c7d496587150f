import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CreatedWebhookSubscription, WebhookSubscription } from '@tradecounter/contracts';
import { confirmAction } from '../shared/confirm-dialog';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { WebhookDialog } from './webhook-dialog';
import { sendTestEvent, testOutcome } from './webhook-test';
import { WebhooksApi } from './webhooks-api';

/** Admin: where order and shipment events are sent, and how those deliveries are going. */
@Component({
  selector: 'tc-webhooks-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
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
  private readonly reloads = signal(0);

  readonly columns = ['url', 'events', 'status', 'deliveries', 'created', 'actions'];
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.list()));

  /** Per subscription: the last test event's progress or outcome. */
  readonly tests = signal<Record<string, { sending: boolean; ok: boolean; text: string }>>({});

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  sendTest(webhook: WebhookSubscription): void {
    const show = (result: { sending: boolean; ok: boolean; text: string }) =>
      this.tests.update((tests) => ({ ...tests, [webhook.id]: result }));
    show({ sending: true, ok: true, text: 'Sending a test event…' });
    sendTestEvent(this.api, webhook.id).subscribe({
      next: (delivery) => show({ sending: false, ...testOutcome(delivery) }),
      error: (error: unknown) => show({ sending: false, ok: false, text: problemMessage(toProblem(error)) }),
      complete: () => this.retry(),
    });
  }

  create(): void {
    this.dialog
      .open(WebhookDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: CreatedWebhookSubscription) => {
        if (!created) return;
        this.snackBar.open('Webhook created', 'Dismiss', { duration: 4000 });
        this.retry();
      });
  }

  setActive(webhook: WebhookSubscription, active: boolean): void {
    const done = () => {
      this.snackBar.open(active ? 'Webhook enabled' : 'Webhook disabled', 'Dismiss', { duration: 4000 });
      this.retry();
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
