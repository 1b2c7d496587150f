import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Product } from '@tradecounter/contracts';
import { MoneyPipe } from '../shared/money.pipe';
import { formatMoneyDisplay } from '../shared/money-format';

/** Nudges for a next break this close are shown inline; further ones only as a tooltip. */
const INLINE_NUDGE_MAX = 20;

/** A catalog cell: the account's unit price, list struck through and the saving when lower, and the next break. */
@Component({
  selector: 'tc-your-price',
  imports: [MatTooltipModule, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = product();
    <span class="price" [matTooltip]="nudge()" [matTooltipDisabled]="!nudge()">
      <strong data-testid="your-price">{{ p.unitPrice | money }}</strong>
      @if (lower()) {
        <s class="list">{{ p.listPrice | money }}</s>
      }
    </span>
    @if (lower()) {
      <span class="save">save {{ p.savingsPerUnit | money }}</span>
    }
    @if (inlineNudge()) {
      <span class="nudge">{{ nudge() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 1px;
      padding: 4px 0;
    }
    .list {
      margin-left: 6px;
      color: var(--mat-sys-on-surface-variant);
    }
    .save {
      font: var(--mat-sys-label-small);
      color: #0d5130;
    }
    .nudge {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-primary);
      white-space: normal;
      text-align: right;
      max-width: 180px;
    }
  `,
})
export class YourPrice {
  readonly product = input.required<Product>();
  /** A positive saving per unit (decimal string: any non-zero digit, not negative). */
  readonly lower = computed(() => {
    const saving = this.product().savingsPerUnit ?? '';
    return /[1-9]/.test(saving) && !saving.startsWith('-');
  });
  readonly nudge = computed(() => {
    const next = this.product().nextBreak;
    return next ? `Order ${next.moreQty} more for ${formatMoneyDisplay(next.unitPrice)} each` : '';
  });
  readonly inlineNudge = computed(() => {
    const next = this.product().nextBreak;
    return !!next && next.moreQty <= INLINE_NUDGE_MAX;
  });
}
