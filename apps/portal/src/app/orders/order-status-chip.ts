import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderStatus } from '@tradecounter/contracts';
import { orderStatusLabel } from './order-status';

/** An order's status as a coloured chip with words (never colour alone). */
@Component({
  selector: 'tc-order-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status chip" [class]="'tone-' + tone()" data-testid="order-status">{{
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
