import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { WebhookDelivery } from '@tradecounter/contracts';
import { forkJoin, map } from 'rxjs';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
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
    MatPaginatorModule,
    MatTableModule,
    RouterLink,
    DeliveryStatusChip,
    EmptyState,
    ErrorState,
    LoadingState,
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
  private readonly reloads = signal(0);

  readonly id = input.required<string>();
  readonly page = signal(1);
  readonly columns = ['event', 'status', 'attempts', 'response', 'next', 'delivered', 'actions'];
  private readonly query = computed(() => ({ id: this.id(), page: this.page(), reload: this.reloads() }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ id, page }) =>
      forkJoin([this.api.get(id), this.api.deliveries(id, page)]).pipe(
        map(([webhook, deliveries]) => ({ webhook, deliveries })),
      ),
    ),
  );

  refresh(): void {
    this.reloads.update((n) => n + 1);
  }

  changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
  }

  redeliver(delivery: WebhookDelivery): void {
    this.api.redeliver(delivery.id).subscribe({
      next: () => {
        this.snackBar.open(`${delivery.eventType} sent again`, 'Dismiss', { duration: 4000 });
        this.page.set(1);
        this.refresh();
      },
      error: (error: unknown) => this.snackBar.open(toProblem(error).title, 'Dismiss'),
    });
  }
}
