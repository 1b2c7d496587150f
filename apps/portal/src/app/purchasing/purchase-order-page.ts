import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type PurchaseOrder, type PurchaseOrderLine } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { askReason } from '../orders/reason-dialog';
import { confirmAction } from '../shared/confirm-dialog';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { DocumentDownload } from '../shared/document-download';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { CloseShortDialog } from './close-short-dialog';
import { purchaseOrderActions, purchaseOrderTotals } from './purchase-order-rules';
import { PurchaseOrderStatusChip, purchaseOrderStatusLabel } from './purchase-order-status';
import { PurchaseOrderTimeline } from './purchase-order-timeline';
import { injectCanPurchase } from './purchasing-access';
import { PurchasingApi } from './purchasing-api';
import { RescheduleDialog, type RescheduleDialogData } from './reschedule-dialog';

/** One purchase order: supplier, lines with what came and what is still open, history, and what may be done now. */
@Component({
  selector: 'tc-purchase-order-page',
  imports: [
    DisplayDateTimePipe,
    DocumentDownload,
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    MoneyPipe,
    PurchaseOrderStatusChip,
    PurchaseOrderTimeline,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './purchase-order-page.html',
  styleUrl: './purchasing-pages.scss',
})
export class PurchaseOrderPage {
  private readonly api = inject(PurchasingApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.order(id),
    ),
  );
  /** The order, replaced in place after an action. */
  readonly order = linkedSignal<PurchaseOrder | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly canWrite = injectCanPurchase();
  readonly actions = computed(() => {
    const o = this.order();
    return o ? purchaseOrderActions(o, this.canWrite()) : [];
  });
  readonly totals = computed(() => {
    const o = this.order();
    return o ? purchaseOrderTotals(o) : undefined;
  });
  readonly today = localIsoDate();
  readonly columns = computed(() => [
    'product',
    'warehouse',
    'quantity',
    'received',
    'closed',
    'open',
    'allocated',
    'expectedDate',
    'unitCost',
    'lineTotal',
    ...(this.actions().includes('reschedule') ? ['actions'] : []),
  ]);

  day(date: string | null): string {
    return date ? formatDay(date, this.today) : '—';
  }

  statusLabel(o: PurchaseOrder): string {
    return purchaseOrderStatusLabel(o.status);
  }

  send(o: PurchaseOrder): void {
    confirmAction(this.dialog, {
      title: `Send ${o.number} to ${o.supplierName}?`,
      message:
        'Its lines become supply on the way: their expected dates are set from the supplier’s lead time, and orders waiting for these products are promised from them.',
      confirmLabel: 'Send',
      action: () => this.api.send(o.id),
    }).subscribe((changed) => this.done(changed, 'Sent'));
  }

  cancel(o: PurchaseOrder): void {
    askReason<PurchaseOrder>(this.dialog, {
      title: `Cancel ${o.number}?`,
      message:
        o.status === 'draft'
          ? 'The draft is dropped; its quantities no longer count as on order.'
          : 'Nothing will come: orders promised from it are promised again.',
      confirmLabel: 'Cancel purchase order',
      reasonRequired: true,
      action: (reason) => this.api.cancel(o.id, reason),
    }).subscribe((changed) => this.done(changed, 'Cancelled'));
  }

  closeShort(o: PurchaseOrder): void {
    this.dialog
      .open<CloseShortDialog, PurchaseOrder, PurchaseOrder>(CloseShortDialog, {
        data: o,
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((changed) => this.done(changed, 'Closed short'));
  }

  reschedule(o: PurchaseOrder, line: PurchaseOrderLine): void {
    this.dialog
      .open<RescheduleDialog, RescheduleDialogData, PurchaseOrder>(RescheduleDialog, {
        data: { order: o, line },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((changed) => this.done(changed, 'Expected date moved'));
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  private done(changed: PurchaseOrder | undefined, words: string): void {
    if (!changed) return;
    this.order.set(changed);
    this.snackBar.open(
      `${words}: ${changed.number} is now ${this.statusLabel(changed).toLowerCase()}`,
      'Dismiss',
      {
        duration: 5000,
      },
    );
  }
}
