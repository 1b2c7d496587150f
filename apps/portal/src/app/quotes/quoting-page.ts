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
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { Problem, QuoteSalesQuoteRequest, SalesQuote } from '@tradecounter/contracts';
import { addCalendarDays, defaultValidUntil, MAX_QUOTE_VALIDITY_DAYS } from '@tradecounter/domain';
import { map, startWith } from 'rxjs';
import { dateFromIso, formatDay, localIsoDate } from '../availability/promise-dates';
import { ErrorState } from '../shared/error-state';
import { fieldError } from '../shared/form-errors';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { moneyValidator } from '../shared/money-validator';
import { MoneyPipe } from '../shared/money.pipe';
import { toMoneyString } from '../shared/money-format';
import { toProblem } from '../shared/problem';
import { QuoteHeader } from './quote-header';
import { comparePrice, quotingTotals, savingView, type SavingView } from './quote-rules';
import { QuotesApi } from './quotes-api';

/**
 * The account manager's quoting page: per line the list price and the
 * account's normal price, the quoted unit price to type (exact decimals), what
 * that gives against the normal price, and how long the prices hold. Prices a
 * `requested` quote, or makes the next revision of a `quoted` or `expired` one.
 */
@Component({
  selector: 'tc-quoting-page',
  imports: [
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MoneyPipe,
    QuoteHeader,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quoting-page.html',
  styleUrl: './quoting-page.scss',
})
export class QuotingPage {
  private readonly api = inject(QuotesApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  readonly state = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  readonly quote = computed(() => this.state()?.value);
  readonly today = localIsoDate();
  readonly minDate = dateFromIso(this.today);
  readonly maxDate = dateFromIso(addCalendarDays(this.today, MAX_QUOTE_VALIDITY_DAYS));
  readonly fieldError = fieldError;

  readonly prices = new FormRecord<FormControl<string>>({});
  readonly validUntil = new FormControl<Date | null>(
    dateFromIso(defaultValidUntil(this.today)),
    Validators.required,
  );
  /** The whole form, so that Enter and the submit button send it (and the browser never does). */
  readonly form = new FormGroup({ prices: this.prices, validUntil: this.validUntil });
  private readonly typed = toSignal(
    this.prices.valueChanges.pipe(
      startWith(null),
      map(() => this.prices.getRawValue()),
    ),
    { initialValue: {} as Record<string, string> },
  );
  /** The form's prices, rebuilt when the quote (re)loads. */
  private readonly formVersion = signal(0);
  readonly totals = computed(() => {
    this.formVersion();
    const typed = this.typed();
    return quotingTotals(
      (this.quote()?.lines ?? []).map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        normalPrice: line.normalPrice,
        typed: typed[line.productId] ?? '',
      })),
    );
  });
  /** A revision when the quote already has prices; the first quoting otherwise. */
  readonly revising = computed(() => {
    const q = this.quote();
    return !!q && (q.status !== 'requested' || q.lines.some((line) => line.unitPrice !== null));
  });
  readonly saving = signal(false);
  readonly failure = signal<Problem | null>(null);

  constructor() {
    effect(() => {
      const quote = this.quote();
      if (quote) untracked(() => this.prepare(quote));
    });
  }

  /** One price field per line, filled with the price quoted before, else the account's normal price. */
  private prepare(quote: SalesQuote): void {
    for (const name of Object.keys(this.prices.controls))
      this.prices.removeControl(name, { emitEvent: false });
    for (const line of quote.lines) {
      this.prices.addControl(
        line.productId,
        new FormControl(line.unitPrice ?? line.normalPrice, {
          nonNullable: true,
          validators: [Validators.required, moneyValidator()],
        }),
        { emitEvent: false },
      );
    }
    if (quote.validUntil && quote.validUntil >= this.today)
      this.validUntil.setValue(dateFromIso(quote.validUntil));
    this.prices.updateValueAndValidity();
    this.formVersion.update((n) => n + 1);
  }

  control(productId: string): FormControl<string> {
    return this.prices.controls[productId];
  }

  /** The typed price against the account's normal price, when it is valid money. */
  against(productId: string, normalPrice: string, quantity: number): SavingView | null {
    const typed = (this.typed()[productId] ?? '').trim();
    if (!/^\d{1,13}(\.\d{1,2})?$/.test(typed)) return null;
    return savingView(comparePrice(toMoneyString(typed), normalPrice, quantity));
  }

  day(date: string): string {
    return formatDay(date, this.today);
  }

  submit(quote: SalesQuote): void {
    if (this.prices.invalid || this.validUntil.invalid) {
      this.prices.markAllAsTouched();
      this.validUntil.markAsTouched();
      return;
    }
    if (this.saving()) return;
    const typed = this.prices.getRawValue();
    const until = this.validUntil.value;
    const body: QuoteSalesQuoteRequest = {
      ...(until ? { validUntil: localIsoDate(until) } : {}),
      lines: quote.lines.map((line) => ({
        productId: line.productId,
        unitPrice: toMoneyString(typed[line.productId]),
      })),
    };
    this.saving.set(true);
    this.failure.set(null);
    this.api.quote(quote.id, body).subscribe({
      next: (quoted) => {
        this.saving.set(false);
        this.snackBar.open(`${quoted.number} revision ${quoted.revision} sent to the customer`, 'Dismiss', {
          duration: 5000,
        });
        void this.router.navigate(['/quotes', quoted.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.failure.set(toProblem(error));
      },
    });
  }

  reload(): void {
    this.failure.set(null);
    this.reloads.update((n) => n + 1);
  }
}
