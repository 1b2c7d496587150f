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
import type { ComponentType } from '@angular/cdk/portal';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Order, Shipment } from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { orderStatusLabel } from '../orders/order-status';
import { OrderLinePromise } from '../orders/order-line-promise';
import { OrderShipments } from '../orders/order-shipments';
import { OrderHeader } from '../orders/order-header';
import { OrderTimeline } from '../orders/order-timeline';
import { OrdersApi } from '../orders/orders-api';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { DeliverDialog, type DeliverDialogData } from './deliver-dialog';
import { FulfilmentApi } from './fulfilment-api';
import { PackDialog } from './pack-dialog';
import { ShipDialog } from './ship-dialog';
import { canShip, shippable, waiting } from './shippable';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** Warehouse and admin: one order to fulfil, with its lines, parcels, shipments and the next steps. */
@Component({
  selector: 'tc-fulfilment-order-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    ErrorState,
    LoadingState,
    OrderLinePromise,
    OrderShipments,
    OrderHeader,
    OrderTimeline,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fulfilment-order-page.html',
  styleUrl: './fulfilment-order-page.scss',
})
export class FulfilmentOrderPage {
  private readonly orders = inject(OrdersApi);
  private readonly api = inject(FulfilmentApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  private readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.orders.get(id),
    ),
  );
  readonly order = linkedSignal<Order | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  readonly canShip = computed(() => {
    const order = this.order();
    return order ? canShip(order) : false;
  });
  readonly columns = ['product', 'ordered', 'shipped', 'ready', 'waiting', 'promise'];
  readonly shippable = shippable;
  readonly waiting = waiting;

  startPicking(order: Order): void {
    confirmAction(this.dialog, {
      title: `Start picking ${order.number}?`,
      message: 'The buyer can no longer cancel the order once picking starts.',
      confirmLabel: 'Start picking',
      action: () => this.api.startPicking(order.id),
    }).subscribe((changed) => this.changed(changed));
  }

  pack(order: Order): void {
    this.open(PackDialog, order).subscribe((changed) => this.changed(changed));
  }

  ship(order: Order): void {
    this.open(ShipDialog, order).subscribe((changed) => this.changed(changed));
  }

  deliver(order: Order, shipment: Shipment): void {
    const data: DeliverDialogData = { orderNumber: order.number, shipment };
    this.dialog
      .open<DeliverDialog, DeliverDialogData, Order>(DeliverDialog, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((changed) => this.changed(changed));
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  private open<C>(component: ComponentType<C>, order: Order): Observable<Order | undefined> {
    return this.dialog
      .open<C, Order, Order>(component, {
        data: order,
        width: '640px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed();
  }

  private changed(order: Order | undefined): void {
    if (!order) return;
    this.order.set(order);
    this.snackBar.open(`Order ${order.number}: ${orderStatusLabel(order.status).toLowerCase()}`, 'Dismiss', {
      duration: 4000,
    });
  }
}
