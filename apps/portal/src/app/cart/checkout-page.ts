import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import type {
  Account,
  Address,
  Cart,
  CreditStatus,
  PlaceOrderRequest,
  PriceChangedProblem,
  Problem,
} from '@tradecounter/contracts';
import { catchError, forkJoin, map, of, startWith, Subject } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { describeShipComplete } from '../availability/availability-text';
import { dateFromIso, formatDay, localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { OrderSubmission } from '../orders/order-submission';
import { OrdersApi } from '../orders/orders-api';
import { PlacementOutcomeNotice } from '../orders/placement-outcome-notice';
import { PriceChangedNotice } from '../orders/price-changed-notice';
import { isPriceChangedProblem, type PriceChange, priceChanges } from '../orders/price-changes';
import { ErrorState } from '../shared/error-state';
import { fieldError } from '../shared/form-errors';
import { HumanizePipe } from '../shared/labels.pipe';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { applyProblemToForm, toProblem } from '../shared/problem';
import { CartApi } from './cart-api';
import { earliestRequestable, shippingChoices } from './checkout-facts';
import { LinePromise } from './line-promise';

const NARROW_QUERY = '(max-width: 599.98px)';

interface CheckoutData {
  cart: Cart;
  account: Account;
  addresses: Address[];
  credit: CreditStatus | null;
}

/** Why the last attempt failed, in the form the page shows it. */
type Failure =
  | { kind: 'price'; problem: PriceChangedProblem; changes: PriceChange[] }
  | { kind: 'stock'; problem: Problem }
  | { kind: 'network'; problem: Problem }
  | { kind: 'other'; problem: Problem };

@Component({
  selector: 'tc-checkout-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatStepperModule,
    RouterLink,
    ErrorState,
    HumanizePipe,
    LinePromise,
    LoadingState,
    MoneyPipe,
    PriceChangedNotice,
    PlacementOutcomeNotice,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './checkout-page.html',
  styleUrl: './checkout-page.scss',
})
export class CheckoutPage {
  private readonly cartApi = inject(CartApi);
  private readonly ordersApi = inject(OrdersApi);
  private readonly accountsApi = inject(AccountsApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  private readonly submission = new OrderSubmission(this.ordersApi);
  private readonly reload$ = new Subject<void>();
  readonly fieldError = fieldError;
  /** Phones: the steps stack vertically so their labels fit. */
  readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: window.matchMedia(NARROW_QUERY).matches },
  );
  readonly today = localIsoDate();

  readonly state = toSignal(
    loadOnEach(this.reload$.pipe(startWith(undefined)), () => {
      const accountId = this.auth.user()?.accountId ?? '';
      return forkJoin({
        cart: this.cartApi.cart(),
        account: this.accountsApi.get(accountId),
        addresses: this.accountsApi.addresses(accountId),
        // Credit is shown when it can be read; checkout still works without it.
        credit: this.ordersApi.credit(accountId).pipe(catchError(() => of(null))),
      });
    }),
  );
  readonly data = computed<CheckoutData | undefined>(() => this.state()?.value);

  readonly delivery = inject(NonNullableFormBuilder).group({
    shippingAddressId: ['', Validators.required],
    shipComplete: [true],
    requestedDeliveryDate: [null as Date | null],
  });
  readonly details = inject(NonNullableFormBuilder).group({
    poNumber: ['', Validators.maxLength(50)],
    notes: ['', Validators.maxLength(2000)],
  });

  readonly shipComplete = toSignal(this.delivery.controls.shipComplete.valueChanges, { initialValue: true });
  readonly choices = computed(() => {
    const cart = this.data()?.cart;
    return cart ? shippingChoices(cart) : null;
  });
  readonly earliest = computed(() => {
    const cart = this.data()?.cart;
    return cart ? earliestRequestable(cart, this.shipComplete()) : null;
  });
  readonly minDate = computed(() => {
    const earliest = this.earliest();
    return earliest ? dateFromIso(earliest) : null;
  });
  readonly units = computed(() => (this.data()?.cart.lines ?? []).reduce((sum, l) => sum + l.quantity, 0));
  /** What placing would do (the API's dry run), asked each time the buyer reaches the review. */
  private readonly review$ = new Subject<PlaceOrderRequest>();
  readonly outcome = toSignal(loadOnEach(this.review$, (body) => this.ordersApi.preview(body)));

  readonly placing = signal(false);
  readonly failure = signal<Failure | null>(null);
  /** The last request sent, for "Try again" after a network failure. */
  private lastAttempt: { body: PlaceOrderRequest; cart: Cart } | null = null;

  constructor() {
    effect(() => {
      const data = this.data();
      if (data) untracked(() => this.prepare(data));
    });
  }

  /** Defaults once the data is in: the first address; the PO rule from the account. */
  private prepare(data: CheckoutData): void {
    const address = this.delivery.controls.shippingAddressId;
    if (!address.value && data.addresses[0]) address.setValue(data.addresses[0].id);
    const po = this.details.controls.poNumber;
    if (data.account.requiresPo && !po.hasValidator(Validators.required)) {
      po.addValidators(Validators.required);
      po.updateValueAndValidity({ emitEvent: false });
    }
  }

  day(date: string): string {
    return formatDay(date, this.today);
  }

  shipCompleteWords(cart: Cart): string {
    return cart.shipComplete ? describeShipComplete(this.units(), cart.shipComplete, this.today) : '';
  }

  addressText(address: Address): string {
    return [address.line1, address.line2, address.city, address.region, address.postcode, address.country]
      .filter(Boolean)
      .join(', ');
  }

  /** On reaching the review step (the last), ask what placing the order as it stands would do. */
  reviewed(stepIndex: number, cart: Cart): void {
    if (stepIndex === 2) this.review$.next(this.body(cart));
  }

  retry(): void {
    this.failure.set(null);
    this.reload$.next();
  }

  /** The request for what the buyer sees now: the cart's lines at the subtotal shown. */
  private body(cart: Cart): PlaceOrderRequest {
    const delivery = this.delivery.getRawValue();
    const details = this.details.getRawValue();
    const requested = delivery.requestedDeliveryDate;
    return {
      shippingAddressId: delivery.shippingAddressId,
      shipComplete: delivery.shipComplete,
      ...(details.poNumber.trim() ? { poNumber: details.poNumber.trim() } : {}),
      ...(requested ? { requestedDeliveryDate: localIsoDate(requested) } : {}),
      ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
      expectedSubtotal: cart.subtotal,
    };
  }

  place(cart: Cart): void {
    if (this.delivery.invalid || this.details.invalid) {
      this.delivery.markAllAsTouched();
      this.details.markAllAsTouched();
      return;
    }
    this.submit(this.body(cart), cart);
  }

  /**
   * The buyer confirms the new prices of a refused order: place it again
   * expecting the new subtotal. That is a new request body, so
   * OrderSubmission sends it under a new Idempotency-Key.
   */
  placeAtNewPrices(cart: Cart, problem: PriceChangedProblem): void {
    this.submit({ ...this.body(cart), expectedSubtotal: problem.subtotal }, cart);
  }

  /** After a network failure: the very same request again, under the same key, so it cannot order twice. */
  tryAgain(): void {
    if (this.lastAttempt) this.submit(this.lastAttempt.body, this.lastAttempt.cart);
  }

  private submit(body: PlaceOrderRequest, cart: Cart): void {
    if (this.placing()) return;
    this.lastAttempt = { body, cart };
    this.placing.set(true);
    this.failure.set(null);
    this.submission.place(body).subscribe({
      next: (order) => {
        this.placing.set(false);
        void this.router.navigate(['/orders', order.id, 'placed']);
      },
      error: (error: unknown) => {
        this.placing.set(false);
        const failure = this.describe(error, cart);
        this.failure.set(failure);
        // Show the cart at its new prices behind the notice.
        if (failure.kind === 'price') this.reload$.next();
      },
    });
  }

  /** `cart` is what the buyer saw when placing: the changed prices are told against it. */
  private describe(error: unknown, cart: Cart): Failure {
    const problem = toProblem(error);
    if (problem.status === 0 || problem.status >= 500) return { kind: 'network', problem };
    if (isPriceChangedProblem(problem)) {
      return { kind: 'price', problem, changes: priceChanges(cart.lines, problem) };
    }
    if (problem.status === 409 && problem.errors?.some((e) => e.field.startsWith('lines'))) {
      return { kind: 'stock', problem };
    }
    if (problem.status === 422) this.submission.forget();
    if (problem.status === 400) {
      applyProblemToForm(problem, this.delivery);
      applyProblemToForm(problem, this.details);
    }
    return { kind: 'other', problem };
  }
}
