import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Order, OrderLine } from '@tradecounter/contracts';
import { shipCompleteDates } from '@tradecounter/domain';
import { describeShipComplete } from '../availability/availability-text';
import { localIsoDate } from '../availability/promise-dates';
import { LinePromise } from '../cart/line-promise';

/**
 * A placed line's promise: its own splits when the order ships as available;
 * with ship complete the order's one date (domain.md: "one date: the latest
 * split"), since nothing of it leaves before the rest.
 */
@Component({
  selector: 'tc-order-line-promise',
  imports: [LinePromise],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (together(); as words) {
      <span class="together">{{ words }}</span>
      <span class="tc-muted with-order">with the whole order</span>
    } @else {
      <tc-line-promise [splits]="line().promise.splits" empty="—" />
    }
  `,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-small);
      line-height: 18px;
    }
    .with-order {
      display: block;
    }
  `,
})
export class OrderLinePromise {
  readonly order = input.required<Order>();
  readonly line = input.required<OrderLine>();
  private readonly today = localIsoDate();
  /** Null unless the order ships complete and has a date. */
  readonly together = computed(() => {
    if (!this.order().shipComplete) return null;
    const dates = shipCompleteDates(this.order().lines.map((line) => line.promise));
    return dates ? describeShipComplete(this.line().quantity, dates, this.today) : null;
  });
}
