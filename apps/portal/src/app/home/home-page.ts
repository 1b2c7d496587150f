import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { AddToCart } from '../cart/add-to-cart';
import { OrderStatusChip } from '../orders/order-status-chip';
import { OrdersApi } from '../orders/orders-api';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { HomeApi } from './home-api';
import { openOrders } from './open-orders';

/** How many products "Order again" shows, and open lines the home lists before "See all". */
const BUY_AGAIN_SHOWN = 12;
const OPEN_LINES_SHOWN = 6;

/** A buyer's home: what they usually order, one click from the cart, and what is still on its way. */
@Component({
  selector: 'tc-home-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    AddToCart,
    EmptyState,
    ErrorState,
    LoadingState,
    MoneyPipe,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly auth = inject(AuthService);
  private readonly home = inject(HomeApi);
  private readonly orders = inject(OrdersApi);
  private readonly buyAgainLoads = signal(0);
  private readonly openLineLoads = signal(0);

  readonly firstName = computed(() => this.auth.user()?.name.split(' ')[0] ?? '');
  readonly today = localIsoDate();
  readonly openLinesShown = OPEN_LINES_SHOWN;

  readonly buyAgain = toSignal(
    loadOnEach(toObservable(this.buyAgainLoads), () => this.home.buyAgain(BUY_AGAIN_SHOWN)),
  );
  /** One page of open lines (earliest promise first) feeds both open orders and open lines. */
  readonly openLines = toSignal(
    loadOnEach(toObservable(this.openLineLoads), () =>
      this.orders.openLines({ page: 1, pageSize: MAX_PAGE_SIZE }),
    ),
  );
  readonly openOrders = computed(() => openOrders(this.openLines()?.value?.items ?? []));

  day(date: string): string {
    return formatDay(date, this.today);
  }

  retryBuyAgain(): void {
    this.buyAgainLoads.update((n) => n + 1);
  }

  retryOpenLines(): void {
    this.openLineLoads.update((n) => n + 1);
  }
}
