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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import type { PlaceOrderRequest, PriceChangedProblem } from '@tradecounter/contracts';
import { catchError, forkJoin, of, switchMap, throwError } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { PricingApi } from '../pricing/pricing-api';
import { fieldError } from '../shared/form-errors';
import { HumanizePipe } from '../shared/labels.pipe';
import { MoneyPipe } from '../shared/money.pipe';
import { applyProblemToForm, toProblem } from '../shared/problem';
import { textParam } from '../shared/route-inputs';
import { AccountPicker } from './account-picker';
import { OrderSubmission } from './order-submission';
import { OrdersApi } from './orders-api';
import { livePreview, type PhoneOrderPreview, placeable } from './phone-order-preview';
import { PhoneOrderOutcome } from './phone-order-outcome';
import { PhoneOrderPreviewTable } from './phone-order-preview-table';
import { PriceChangedNotice } from './price-changed-notice';
import { isPriceChangedProblem, type PriceChange, priceChanges } from './price-changes';

/**
 * An account manager takes an order over the phone for one of their accounts
 * (channel `phone`): the typed lines are priced for the account as they are
 * typed, and the order is placed at the subtotal shown.
 */
@Component({
  selector: 'tc-phone-order-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    RouterLink,
    HumanizePipe,
    MoneyPipe,
    AccountPicker,
    PhoneOrderOutcome,
    PhoneOrderPreviewTable,
    PriceChangedNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './phone-order-page.html',
  styleUrl: './phone-order-page.scss',
})
export class PhoneOrderPage {
  private readonly accountsApi = inject(AccountsApi);
  private readonly ordersApi = inject(OrdersApi);
  private readonly pricingApi = inject(PricingApi);
  private readonly router = inject(Router);
  private readonly submission = new OrderSubmission(this.ordersApi);
  readonly fieldError = fieldError;

  /** `?accountId=` from the account page. */
  readonly accountId = input('', { transform: textParam });
  readonly form = inject(NonNullableFormBuilder).group({
    accountId: ['', Validators.required],
    shippingAddressId: ['', Validators.required],
    poNumber: ['', Validators.maxLength(50)],
    lines: ['', Validators.required],
    shipComplete: [true],
    notes: ['', Validators.maxLength(2000)],
  });
  private readonly picked = toSignal(this.form.controls.accountId.valueChanges, { initialValue: '' });
  private readonly typed = toSignal(this.form.controls.lines.valueChanges, { initialValue: '' });
  readonly facts = toSignal(
    toObservable(computed(() => this.picked())).pipe(
      switchMap((id) =>
        id
          ? forkJoin({
              account: this.accountsApi.get(id),
              addresses: this.accountsApi.addresses(id),
              credit: this.ordersApi.credit(id).pipe(catchError(() => of(null))),
            }).pipe(catchError(() => of(null)))
          : of(null),
      ),
    ),
  );

  /** Bumped to price the same lines again. */
  private readonly repricing = signal(0);
  readonly preview = toSignal(
    livePreview(
      toObservable(
        computed(() => ({ accountId: this.picked(), text: this.typed(), version: this.repricing() })),
      ),
      (request) =>
        this.pricingApi.quote(request).pipe(catchError((e: unknown) => throwError(() => toProblem(e)))),
    ),
    { initialValue: null },
  );
  /** The preview is of what the form holds now, and may be placed as it stands. */
  readonly ready = computed(() => {
    const preview = this.preview();
    return placeable(preview) && preview.accountId === this.picked() && preview.text === this.typed()
      ? preview
      : null;
  });

  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** The order as it would be placed now, for the dry run; null until it has an address and priced lines. */
  readonly dryRunBody = computed(() => {
    this.formValue();
    const preview = this.ready();
    return preview && this.form.controls.shippingAddressId.value ? this.body(preview) : null;
  });

  readonly placing = signal(false);
  readonly error = signal('');
  readonly errors = signal<string[]>([]);
  /** The last attempt was refused because prices changed: the new prices, until placed or the lines change. */
  readonly priceChange = signal<{
    problem: PriceChangedProblem;
    changes: PriceChange[];
    body: PlaceOrderRequest;
  } | null>(null);

  constructor() {
    effect(() => {
      const id = this.accountId();
      if (id) untracked(() => this.form.controls.accountId.setValue(id));
    });
    effect(() => {
      const facts = this.facts();
      untracked(() => {
        const address = this.form.controls.shippingAddressId;
        address.setValue(facts?.addresses[0]?.id ?? '');
        const po = this.form.controls.poNumber;
        po.setValidators(
          facts?.account.requiresPo
            ? [Validators.required, Validators.maxLength(50)]
            : [Validators.maxLength(50)],
        );
        po.updateValueAndValidity();
      });
    });
    // New lines or another account: the refused prices no longer apply.
    effect(() => {
      this.picked();
      this.typed();
      untracked(() => this.priceChange.set(null));
    });
  }

  retryPreview(): void {
    this.repricing.update((n) => n + 1);
  }

  place(): void {
    if (this.placing()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const preview = this.ready();
    if (!preview) {
      this.error.set(this.notReadyReason(this.preview()));
      this.errors.set([]);
      return;
    }
    this.submit(this.body(preview));
  }

  /** The account manager confirms the new prices: the same lines, expecting the new subtotal (a new body, so a new key). */
  placeAtNewPrices(): void {
    const change = this.priceChange();
    if (change) this.submit({ ...change.body, expectedSubtotal: change.problem.subtotal });
  }

  private body(preview: PhoneOrderPreview): PlaceOrderRequest {
    const value = this.form.getRawValue();
    return {
      accountId: preview.accountId,
      lines: preview.lines.map(({ sku, quantity }) => ({ sku, quantity })),
      shippingAddressId: value.shippingAddressId,
      shipComplete: value.shipComplete,
      ...(value.poNumber.trim() ? { poNumber: value.poNumber.trim() } : {}),
      ...(value.notes.trim() ? { notes: value.notes.trim() } : {}),
      ...(preview.subtotal ? { expectedSubtotal: preview.subtotal } : {}),
    };
  }

  private submit(body: PlaceOrderRequest): void {
    this.placing.set(true);
    this.error.set('');
    this.errors.set([]);
    this.submission.place(body).subscribe({
      next: (order) => void this.router.navigate(['/orders', order.id, 'placed']),
      error: (error: unknown) => {
        this.placing.set(false);
        const problem = toProblem(error);
        if (isPriceChangedProblem(problem)) {
          const seen = (this.preview()?.lines ?? []).flatMap((line) =>
            line.productId && line.unitPrice
              ? [{ productId: line.productId, unitPrice: line.unitPrice }]
              : [],
          );
          this.priceChange.set({ problem, changes: priceChanges(seen, problem), body });
          this.retryPreview();
          return;
        }
        if (problem.status === 422) this.submission.forget();
        const unmatched = applyProblemToForm(problem, this.form);
        this.error.set(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
        this.errors.set(unmatched.map((text) => lineError(text, body)));
      },
    });
  }

  private notReadyReason(preview: PhoneOrderPreview | null): string {
    if (!preview || preview.status === 'loading' || preview.text !== this.typed()) {
      return 'The lines are still being priced: place the order once the preview shows the subtotal.';
    }
    if (preview.status === 'error') return 'The lines could not be priced: retry the preview first.';
    if (preview.lines.length === 0) return 'Type at least one line.';
    return 'Fix the flagged lines first: each must be a known SKU in a quantity the product can be ordered in.';
  }
}

/** "lines[2].quantity: must be …" → "GLV-NIT-M: must be …". */
function lineError(text: string, body: PlaceOrderRequest): string {
  const match = /^lines\[(\d+)\][^:]*: (.*)$/.exec(text);
  if (!match) return text;
  const sku = body.lines?.[Number(match[1])]?.sku;
  return sku ? `${sku}: ${match[2]}` : text;
}
