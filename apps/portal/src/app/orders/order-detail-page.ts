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
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { canUseFeature, CUSTOMER_ROLES, type Order } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { CartApi } from '../cart/cart-api';
import { DocumentDownload } from '../shared/document-download';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { openSaveTemplate } from '../templates/save-template-dialog';
import { ApprovalFacts } from './approval-facts';
import { ACTION_LABELS, availableActions, type OrderActionName, OrderActions } from './order-actions';
import { channelLabel, orderStatusExplanation, orderStatusLabel } from './order-status';
import { DeliveryRatingCard } from './delivery-rating-card';
import { OrderShipments } from './order-shipments';
import { OrderHeader } from './order-header';
import { OrderTimeline } from './order-timeline';
import { OrdersApi } from './orders-api';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';
import { OrderLinePromise } from './order-line-promise';
import { OrderReturnsCard } from '../returns/order-returns-card';
import { openReturnRequest } from '../returns/return-request-dialog';

@Component({
  selector: 'tc-order-detail-page',
  imports: [
    DisplayDatePipe,
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    DocumentDownload,
    ErrorState,
    OrderLinePromise,
    LoadingState,
    MoneyPipe,
    ApprovalFacts,
    DeliveryRatingCard,
    OrderShipments,
    OrderHeader,
    OrderTimeline,
    OrderReturnsCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './order-detail-page.html',
  styleUrl: './order-detail-page.scss',
})
export class OrderDetailPage {
  private readonly api = inject(OrdersApi);
  private readonly cartApi = inject(CartApi);
  private readonly actions = inject(OrderActions);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  /** The order, replaced in place after an action. */
  readonly order = linkedSignal<Order | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly isCustomer = computed(() => this.auth.hasRole(CUSTOMER_ROLES));
  /** Buyers (and staff for an account) turn a past order into one that places itself on a schedule. */
  readonly canMakeStanding = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && canUseFeature(role, 'newStandingOrder');
  });
  readonly allowed = computed(() => {
    const order = this.order();
    return order ? availableActions(order, this.auth.user()?.role) : [];
  });
  /** Waiting for this user's approval: Approve and Reject lead, with how far over the limit it is. */
  readonly awaitingApproval = computed(() => this.allowed().includes('approve'));
  readonly secondaryActions = computed(() =>
    this.awaitingApproval()
      ? this.allowed().filter((action) => action !== 'approve' && action !== 'reject')
      : this.allowed(),
  );
  readonly explanation = computed(() => {
    const order = this.order();
    return order ? orderStatusExplanation(order.status) : '';
  });
  readonly lineColumns = ['product', 'quantity', 'unitPrice', 'lineTotal', 'dates', 'shipped', 'promise'];
  readonly actionLabels = ACTION_LABELS;
  readonly channelLabel = channelLabel;
  readonly reordering = signal(false);
  /** Customer users return their delivered orders; account managers and admins open one for the account. */
  readonly canReturn = computed(() => {
    const order = this.order();
    return (
      order?.status === 'delivered' && this.auth.hasRole(['buyer', 'approver', 'account_manager', 'admin'])
    );
  });
  readonly seesReturns = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && canUseFeature(role, 'returns');
  });
  private readonly today = localIsoDate();

  day(date: string | null): string {
    return date ? formatDay(date, this.today) : '—';
  }

  rated(order: Order): void {
    this.order.set(order);
    this.snackBar.open('Thank you for rating the delivery', 'Dismiss', { duration: 4000 });
  }

  act(order: Order, action: OrderActionName): void {
    this.actions.run(order, action).subscribe((changed) => {
      if (!changed) return;
      this.order.set(changed);
      this.snackBar.open(
        `Order ${changed.number}: ${orderStatusLabel(changed.status).toLowerCase()}`,
        'Dismiss',
      );
    });
  }

  reorder(order: Order): void {
    if (this.reordering()) return;
    this.reordering.set(true);
    this.cartApi.reorder(order.id).subscribe({
      next: (result) => {
        this.reordering.set(false);
        const failed = result.rows.filter((row) => row.status === 'error');
        const text = failed.length
          ? `${result.added} lines added; ${failed.map((row) => `${row.sku ?? '?'} ${row.reason ?? ''}`).join('; ')}`
          : `${result.added} lines added to your cart`;
        this.snackBar.open(text, 'Dismiss', { duration: failed.length ? 10_000 : 4_000 });
        void this.router.navigateByUrl('/cart');
      },
      error: (error: unknown) => {
        this.reordering.set(false);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
      },
    });
  }

  returnItems(order: Order): void {
    openReturnRequest(this.dialog, {
      orderId: order.id,
      orderNumber: order.number,
      staff: !this.isCustomer(),
    }).subscribe((created) => {
      if (created) void this.router.navigate(['/returns', created.id]);
    });
  }

  saveAsTemplate(order: Order): void {
    openSaveTemplate(this.dialog, { fromOrderId: order.id, orderNumber: order.number }).subscribe(
      (template) => {
        if (template) this.snackBar.open(`Saved as template “${template.name}”`, 'Dismiss');
      },
    );
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
