import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SalesQuoteStatus } from '@tradecounter/contracts';
import { quoteStatusLabel, quoteStatusTone } from './quote-status';

/** A quote's status as a coloured chip with words. */
@Component({
  selector: 'tc-quote-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status chip" [class]="'tone-' + tone()" data-testid="quote-status">{{
    label()
  }}</span>`,
  styles: `
    .chip {
      font: var(--mat-sys-label-medium);
    }
    .tone-wait {
      background: #fff1cc;
      color: #5c4100;
    }
    .tone-ok {
      background: #d5f5e3;
      color: #0d5130;
    }
    .tone-move {
      background: #dbe8ff;
      color: #0b3a80;
    }
    .tone-end {
      background: #ececec;
      color: #555;
    }
  `,
})
export class QuoteStatusChip {
  readonly status = input.required<SalesQuoteStatus>();
  readonly label = computed(() => quoteStatusLabel(this.status()));
  readonly tone = computed(() => quoteStatusTone(this.status()));
}
