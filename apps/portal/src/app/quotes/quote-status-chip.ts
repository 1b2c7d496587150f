import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SalesQuoteStatus } from '@tradecounter/contracts';
import { quoteStatusLabel, quoteStatusTone } from './quote-status';

/** A quote's status as a coloured chip with words. */
@Component({
  selector: 'tc-quote-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + tone()" data-testid="quote-status">{{
    label()
  }}</span>`,
})
export class QuoteStatusChip {
  readonly status = input.required<SalesQuoteStatus>();
  readonly label = computed(() => quoteStatusLabel(this.status()));
  readonly tone = computed(() => quoteStatusTone(this.status()));
}
