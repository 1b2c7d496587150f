import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { Cart, OrderPreview } from '@tradecounter/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, Observable, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { AuthService } from '../auth/auth.service';
import { OrdersApi } from '../orders/orders-api';
import { PlacementOutcomeNotice } from '../orders/placement-outcome-notice';
import { loadable, type Loadable } from '../shared/loadable';

/**
 * The cart says what placing it would do, before checkout: the API's dry run
 * of ordering the cart to the account's first address. The checkout review
 * asks again with the address, PO and dates chosen there.
 */
@Component({
  selector: 'tc-cart-placement-outcome',
  imports: [PlacementOutcomeNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<tc-placement-outcome-notice
    [state]="state()"
    audience="buyer"
    fallback="Approval and credit are checked at checkout."
  />`,
})
export class CartPlacementOutcome {
  private readonly orders = inject(OrdersApi);
  private readonly accounts = inject(AccountsApi);
  private readonly auth = inject(AuthService);

  readonly cart = input.required<Cart>();
  /** What the order would be: changes when a line, a quantity or a price does. */
  private readonly signature = computed(() => {
    const cart = this.cart();
    return cart.lines.length === 0
      ? ''
      : `${cart.subtotal}|${cart.lines.map((line) => `${line.productId}:${line.quantity}`).join(',')}`;
  });
  private readonly address$: Observable<string | null> = this.accounts
    .addresses(this.auth.user()?.accountId ?? '')
    .pipe(
      map((addresses) => addresses[0]?.id ?? null),
      catchError(() => of(null)),
    );

  readonly state = toSignal(
    toObservable(this.signature).pipe(
      debounceTime(300),
      distinctUntilChanged(),
      switchMap((signature): Observable<Loadable<OrderPreview> | null> => {
        if (!signature) return of(null);
        const cart = this.cart();
        return this.address$.pipe(
          switchMap((shippingAddressId) =>
            shippingAddressId
              ? loadable(
                  this.orders.preview({
                    shippingAddressId,
                    shipComplete: true,
                    expectedSubtotal: cart.subtotal,
                  }),
                )
              : of(null),
          ),
        );
      }),
    ),
    { initialValue: null },
  );
}
