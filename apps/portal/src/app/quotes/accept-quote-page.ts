import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import type { AcceptSalesQuoteRequest, Account, Address, Problem, SalesQuote } from '@tradecounter/contracts';
import { forkJoin, map, Subject } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { LinePromise } from '../cart/line-promise';
import { PlacementOutcomeNotice } from '../orders/placement-outcome-notice';
import { DisplayDatePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { fieldError } from '../shared/form-errors';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { toProblem } from '../shared/problem';
import { IdempotentSubmit } from './idempotent-submit';
import { QuoteHeader } from './quote-header';
import { chosenSubtotal, quoteActions } from './quote-rules';
import { QuotesApi } from './quotes-api';

const NARROW_QUERY = '(max-width: 599.98px)';

interface AcceptData {
  quote: SalesQuote;
  account: Account;
  addresses: Address[];
}

/** Why confirming failed, as the page says it. */
type Failure =
  | { kind: 'stale'; problem: Problem }
  | { kind: 'network'; problem: Problem }
  | { kind: 'other'; problem: Problem };

function someChosen(control: AbstractControl<string[]>): { required: true } | null {
  return control.value.length ? null : { required: true };
}

/**
 * Accepting a quote is a checkout of its own: which lines (the rest lapse),
 * where to ship and the PO, then a review with the fresh promise and what
 * placing would do (the API's accept dry run), then confirm.
 */
@Component({
  selector: 'tc-accept-quote-page',
  imports: [
    DisplayDatePipe,
    ErrorState,
    LinePromise,
    LoadingState,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatStepperModule,
    MoneyPipe,
    PlacementOutcomeNotice,
    QuoteHeader,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accept-quote-page.html',
  styleUrl: './accept-quote-page.scss',
})
export class AcceptQuotePage {
  private readonly api = inject(QuotesApi);
  private readonly accounts = inject(AccountsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly submission = new IdempotentSubmit();
  readonly fieldError = fieldError;
  readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: window.matchMedia(NARROW_QUERY).matches },
  );

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  readonly state = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) => {
      const accountId = this.auth.user()?.accountId ?? '';
      return forkJoin({
        quote: this.api.get(id),
        account: this.accounts.get(accountId),
        addresses: this.accounts.addresses(accountId),
      });
    }),
  );
  readonly data = computed<AcceptData | undefined>(() => this.state()?.value);
  readonly today = localIsoDate();
  /** Whether the quote can be accepted now (quoted, still valid); the API decides in the end. */
  readonly acceptable = computed(() => {
    const quote = this.data()?.quote;
    return !!quote && quoteActions(quote, this.auth.user()?.role, this.today).includes('accept');
  });

  readonly chosen = new FormControl<string[]>([], { nonNullable: true, validators: someChosen });
  private readonly chosenIds = toSignal(this.chosen.valueChanges, { initialValue: [] as string[] });
  readonly delivery = inject(NonNullableFormBuilder).group({
    shippingAddressId: ['', Validators.required],
    shipComplete: [true],
    poNumber: ['', Validators.maxLength(50)],
  });
  readonly chosenLines = computed(() => {
    const ids = new Set(this.chosenIds());
    return (this.data()?.quote.lines ?? []).filter((line) => ids.has(line.id));
  });
  readonly subtotal = computed(() =>
    chosenSubtotal(this.data()?.quote.lines ?? [], new Set(this.chosenIds())),
  );

  /** The API's dry run, asked each time the buyer reaches the review. */
  private readonly review$ = new Subject<{ id: string; body: AcceptSalesQuoteRequest }>();
  readonly preview = toSignal(loadOnEach(this.review$, ({ id, body }) => this.api.previewAccept(id, body)));
  readonly placing = signal(false);
  readonly failure = signal<Failure | null>(null);
  private lastBody: AcceptSalesQuoteRequest | null = null;

  constructor() {
    effect(() => {
      const data = this.data();
      if (data) untracked(() => this.prepare(data));
    });
  }

  /** Defaults once loaded: every line chosen, the first address, the PO rule from the account. */
  private prepare(data: AcceptData): void {
    if (!this.chosen.value.length) this.chosen.setValue(data.quote.lines.map((line) => line.id));
    const address = this.delivery.controls.shippingAddressId;
    if (!address.value && data.addresses[0]) address.setValue(data.addresses[0].id);
    const po = this.delivery.controls.poNumber;
    if (data.account.requiresPo && !po.hasValidator(Validators.required)) {
      po.addValidators(Validators.required);
      po.updateValueAndValidity({ emitEvent: false });
    }
  }

  isChosen(lineId: string): boolean {
    return this.chosenIds().includes(lineId);
  }

  toggle(lineId: string, on: boolean): void {
    const ids = new Set(this.chosen.value);
    if (on) ids.add(lineId);
    else ids.delete(lineId);
    const order = (this.data()?.quote.lines ?? []).map((line) => line.id).filter((id) => ids.has(id));
    this.chosen.setValue(order);
    this.chosen.markAsTouched();
  }

  addressText(address: Address): string {
    return [address.line1, address.line2, address.city, address.region, address.postcode, address.country]
      .filter(Boolean)
      .join(', ');
  }

  /** On reaching the review step (the last), ask what accepting would do now. */
  stepped(index: number, quote: SalesQuote): void {
    if (index === 2) {
      this.failure.set(null);
      this.review$.next({ id: quote.id, body: this.body(quote) });
    }
  }

  /** The request for what the buyer sees: the chosen lines of the revision shown, at the subtotal shown. */
  private body(quote: SalesQuote): AcceptSalesQuoteRequest {
    const delivery = this.delivery.getRawValue();
    const all = this.chosen.value.length === quote.lines.length;
    return {
      revision: quote.revision,
      ...(all ? {} : { lineIds: this.chosen.value }),
      shippingAddressId: delivery.shippingAddressId,
      shipComplete: delivery.shipComplete,
      ...(delivery.poNumber.trim() ? { poNumber: delivery.poNumber.trim() } : {}),
      expectedSubtotal: this.subtotal(),
    };
  }

  confirm(quote: SalesQuote): void {
    if (this.chosen.invalid || this.delivery.invalid) {
      this.chosen.markAsTouched();
      this.delivery.markAllAsTouched();
      return;
    }
    this.send(this.body(quote), quote);
  }

  /** After a network failure: the same request under the same key, so it cannot order twice. */
  tryAgain(quote: SalesQuote): void {
    if (this.lastBody) this.send(this.lastBody, quote);
  }

  private send(body: AcceptSalesQuoteRequest, quote: SalesQuote): void {
    if (this.placing()) return;
    this.lastBody = body;
    this.placing.set(true);
    this.failure.set(null);
    this.api.accept(quote.id, body, this.submission.keyFor(body)).subscribe({
      next: (order) => {
        this.placing.set(false);
        void this.router.navigate(['/orders', order.id]);
      },
      error: (error: unknown) => {
        this.placing.set(false);
        const problem = toProblem(error);
        if (problem.status === 0 || problem.status >= 500) this.failure.set({ kind: 'network', problem });
        else if (problem.status === 409) this.failure.set({ kind: 'stale', problem });
        else this.failure.set({ kind: 'other', problem });
      },
    });
  }

  /** Start again from the quote as it is now (a new revision, a lapsed date). */
  reload(): void {
    this.failure.set(null);
    this.chosen.setValue([]);
    this.reloads.update((n) => n + 1);
  }
}
