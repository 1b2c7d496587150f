import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderStatus } from '@tradecounter/contracts';
import { orderStatusLabel } from './order-status';

/** An order's status as a coloured chip with words (never colour alone). */
@Component({
  selector: 'tc-order-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + tone()" data-testid="order-status">{{
    label()
  }}</span>`,
})
export class OrderStatusChip {
  readonly status = input.required<OrderStatus>();
  readonly label = computed(() => orderStatusLabel(this.status()));
  readonly tone = computed(() => {
    switch (this.status()) {
      case 'pending_approval':
      case 'on_hold':
        return 'wait';
      case 'confirmed':
      case 'delivered':
        return 'ok';
      case 'cancelled':
      case 'rejected':
        return 'end';
      default:
        return 'move';
    }
  });
}
