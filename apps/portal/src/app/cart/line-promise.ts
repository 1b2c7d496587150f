import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PromiseSplit } from '@tradecounter/contracts';
import { describeSplit } from '../availability/availability-text';
import { localIsoDate } from '../availability/promise-dates';

/** A line's promise in words, one split per row: "5 ship Tue 2 Mar (arrive Fri 5 Mar) from stock". */
@Component({
  selector: 'tc-line-promise',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (words().length) {
      <ul class="splits" [attr.aria-label]="label()">
        @for (text of words(); track $index) {
          <li [class.later]="$index > 0">{{ text }}</li>
        }
      </ul>
    } @else {
      <span class="tc-muted">{{ empty() }}</span>
    }
  `,
  styles: `
    .splits {
      margin: 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
      line-height: 18px;
    }
    li.later {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LinePromise {
  readonly splits = input.required<readonly PromiseSplit[]>();
  readonly label = input('Delivery schedule');
  readonly empty = input('Cannot be promised');
  private readonly today = localIsoDate();
  readonly words = computed(() =>
    [...this.splits()]
      .sort((a, b) => (a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0))
      .map((split) => describeSplit(split, this.today)),
  );
}
