import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { WebhookDelivery } from '@tradecounter/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { toProblem } from '../shared/problem';
import { DeliveryStatusChip } from './delivery-status-chip';
import { WebhooksApi } from './webhooks-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** One webhook's delivery log, newest first, with redelivery. */
@Component({
  selector: 'tc-deliveries-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    DeliveryStatusChip,
    ListFrame,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deliveries-page.html',
  styles: `
    .title {
      flex: 1;
    }
    .url {
      word-break: break-all;
    }
    .event code {
      font-size: 0.85em;
    }
    .error-text {
      color: var(--mat-sys-error);
      max-width: 28ch;
      overflow-wrap: anywhere;
    }
  `,
})
export class DeliveriesPage {
  private readonly api = inject(WebhooksApi);
  private readonly snackBar = inject(MatSnackBar);

  readonly id = input.required<string>();
  readonly columns = ['event', 'status', 'attempts', 'response', 'next', 'delivered', 'actions'];
  readonly list = urlList({
    request: ({ page, pageSize }) => ({ id: this.id(), page, pageSize }),
    fetch: ({ id, page, pageSize }) => this.api.deliveries(id, page, pageSize),
  });
  /** The webhook the log belongs to, read again with the list. */
  readonly webhook = toSignal(
    toObservable(computed(() => ({ id: this.id(), reload: this.list.reloads() }))).pipe(
      switchMap(({ id }) => this.api.get(id).pipe(catchError(() => of(undefined)))),
    ),
  );

  redeliver(delivery: WebhookDelivery): void {
    this.api.redeliver(delivery.id).subscribe({
      next: () => {
        this.snackBar.open(`${delivery.eventType} sent again`, 'Dismiss', { duration: 4000 });
        this.list.patch({ page: null });
        this.list.reload();
      },
      error: (error: unknown) => this.snackBar.open(toProblem(error).title, 'Dismiss'),
    });
  }
}
