import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { QuoteLine } from '@tradecounter/contracts';
import { MoneyPipe } from '../shared/money.pipe';
import { PercentPipe } from './percent.pipe';
import { priceSourceLabel, type TierLabel } from './price-labels';

/** One priced line explained: unit price against list, total, saving, where it came from, next break. */
@Component({
  selector: 'tc-quote-line-summary',
  imports: [MoneyPipe, PercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let l = line();
    <dl class="quote" aria-live="polite">
      <div>
        <dt>Unit price</dt>
        <dd class="unit" data-testid="quote-unit-price">
          {{ l.unitPrice | money }}
          @if (l.unitPrice !== l.listPrice) {
            <s class="list" aria-label="List price">{{ l.listPrice | money }}</s>
          }
        </dd>
      </div>
      <div>
        <dt>Line total ({{ l.quantity }})</dt>
        <dd data-testid="quote-line-total">{{ l.lineTotal | money }}</dd>
      </div>
      <div>
        <dt>Saving vs list</dt>
        <dd [class.saving]="hasSaving()">{{ hasSaving() ? (l.savings | money) : 'None' }}</dd>
      </div>
      <div class="source">
        <dt>Price</dt>
        <dd data-testid="quote-source">
          {{ source() }}
          @if (l.breakApplied; as b) {
            <span class="tc-muted"> + {{ b.minQty }}+ break, {{ b.discountPercent | percentText }} off</span>
          }
        </dd>
      </div>
    </dl>
    @if (l.nextBreak; as n) {
      <p class="nudge" data-testid="quote-next-break">
        Order {{ n.moreQty }} more for {{ n.unitPrice | money }} each ({{ n.minQty }}+).
      </p>
    }
  `,
  styles: `
    .quote {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 12px 24px;
      margin: 0;
      dt {
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
        margin-bottom: 4px;
      }
      dd {
        margin: 0;
        font: var(--mat-sys-body-large);
      }
    }
    .quote dd.unit {
      font-weight: 600;
    }
    .source {
      grid-column: span 2;
    }
    .list {
      margin-left: 6px;
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
    }
    .saving {
      color: #0d5130;
      font-weight: 600;
    }
    .nudge {
      margin: 12px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class QuoteLineSummary {
  readonly line = input.required<QuoteLine>();
  /** The account's tier, to word a tier discount ("Gold tier 10 % off"); unknown to customers. */
  readonly tier = input<TierLabel | null>(null);
  readonly source = computed(() => priceSourceLabel(this.line().source, this.tier()));
  /** Savings is a decimal string: any non-zero digit means a saving. */
  readonly hasSaving = computed(
    () => /[1-9]/.test(this.line().savings) && !this.line().savings.startsWith('-'),
  );
}
