import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ProductDetail } from '@tradecounter/contracts';
import { combineLatest, map } from 'rxjs';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { liveQuote } from './live-quote';
import { priceSourceLabel } from './price-labels';
import { PricingApi } from './pricing-api';
import { QuoteLineSummary } from './quote-line-summary';

/** The account's price table for one product and a quantity that prices live. */
@Component({
  selector: 'tc-product-pricing',
  imports: [LoadingState, MoneyPipe, QuoteLineSummary],
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
      <div class="quote">
        <p class="for-quantity" data-testid="price-quantity">
          For {{ quantity() ?? '—' }} {{ p.unit }}, the quantity above
        </p>
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
    .for-quantity {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
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
  readonly sourceLabel = (source: Parameters<typeof priceSourceLabel>[0]) => priceSourceLabel(source);

  /** The page's one quantity (the one add-to-cart and the promise follow too). */
  readonly quantity = input.required<number | null>();
  private readonly productId = computed(() => this.product().id);
  readonly quote = toSignal(
    liveQuote(
      combineLatest([toObservable(this.productId), toObservable(this.quantity)]).pipe(
        map(([productId, quantity]) => ({ productId, quantity })),
      ),
      (productId, quantity) =>
        this.api.quote({ accountId: this.accountId() ?? undefined, lines: [{ productId, quantity }] }),
    ),
  );
}
