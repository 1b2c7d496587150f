import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ProductDetail } from '@tradecounter/contracts';
import { combineLatest, map, startWith } from 'rxjs';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { fieldError } from '../shared/form-errors';
import { liveQuote } from './live-quote';
import { priceSourceLabel } from './price-labels';
import { PricingApi } from './pricing-api';
import { QuoteLineSummary } from './quote-line-summary';

/** The account's price table for one product and a quantity that prices live. */
@Component({
  selector: 'tc-product-pricing',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    LoadingState,
    MoneyPipe,
    QuoteLineSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = product();
    @if (p.priceBreaks?.length) {
      <ol class="breaks" aria-label="Unit price by order quantity">
        @for (b of p.priceBreaks; track b.minQty) {
          <li [title]="sourceLabel(b.source)">
            <span class="qty">{{ b.minQty }}+</span>{{ ' '
            }}<span class="amount">{{ b.unitPrice | money }}</span>
          </li>
        }
      </ol>
    }
    <div class="quote-row">
      <mat-form-field class="qty-field">
        <mat-label>Quantity</mat-label>
        <input
          matInput
          type="number"
          [min]="p.minOrderQty"
          [step]="p.orderMultiple"
          [formControl]="quantity"
        />
        <mat-hint>{{ p.unit }}; min {{ p.minOrderQty }}, packs of {{ p.orderMultiple }}</mat-hint>
        <mat-error>{{ fieldError(quantity, 'Quantity') }}</mat-error>
      </mat-form-field>
      <div class="quote">
        @let q = quote();
        @if (q?.loading && !q?.value) {
          <tc-loading-state [compact]="true" label="Pricing…" />
        }
        @if (q?.problem; as problem) {
          <p class="error" role="alert">{{ problem.detail ?? problem.title }}</p>
        } @else if (q?.value; as line) {
          <tc-quote-line-summary [line]="line" />
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
      padding: 0 20px 20px;
    }
    .breaks {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      li {
        padding: 6px 12px;
        border-radius: 8px;
        background: var(--mat-sys-surface-container);
        font-variant-numeric: tabular-nums;
      }
      .qty {
        color: var(--mat-sys-on-surface-variant);
      }
      .amount {
        font-weight: 600;
      }
    }
    .quote-row {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 24px;
      align-items: flex-start;
    }
    .qty-field {
      flex: 0 0 200px;
    }
    .quote {
      flex: 1 1 320px;
      min-width: 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ProductPricing {
  private readonly api = inject(PricingApi);
  readonly product = input.required<ProductDetail>();
  /** Staff pricing for an account; customers always price for their own. */
  readonly accountId = input<string | null>(null);
  readonly fieldError = fieldError;
  readonly sourceLabel = (source: Parameters<typeof priceSourceLabel>[0]) => priceSourceLabel(source);

  readonly quantity = new FormControl<number | null>(1, [Validators.required, Validators.min(1)]);
  private readonly productId = computed(() => this.product().id);
  readonly quote = toSignal(
    liveQuote(
      combineLatest([
        toObservable(this.productId),
        this.quantity.valueChanges.pipe(startWith(this.quantity.value)),
      ]).pipe(map(([productId, quantity]) => ({ productId, quantity }))),
      (productId, quantity) =>
        this.api.quote({ accountId: this.accountId() ?? undefined, lines: [{ productId, quantity }] }),
    ),
  );

  constructor() {
    effect(() => {
      const { minOrderQty } = this.product();
      untracked(() => {
        this.quantity.setValidators([Validators.required, Validators.min(minOrderQty)]);
        this.quantity.setValue(minOrderQty);
      });
    });
  }
}
