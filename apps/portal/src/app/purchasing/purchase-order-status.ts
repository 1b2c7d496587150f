import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PurchaseOrderStatus } from '@tradecounter/contracts';

const STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_received: 'Partly received',
  received: 'Received',
  cancelled: 'Cancelled',
  closed: 'Closed short',
};

export function purchaseOrderStatusLabel(status: PurchaseOrderStatus): string {
  return STATUS_LABELS[status];
}

/** The colour family of the global `.tc-status` chip (always with its words, never colour alone). */
export function purchaseOrderStatusTone(status: PurchaseOrderStatus): 'wait' | 'ok' | 'move' | 'end' {
  switch (status) {
    case 'draft':
      return 'wait';
    case 'sent':
    case 'partially_received':
      return 'move';
    case 'received':
      return 'ok';
    default:
      return 'end';
  }
}

/** A purchase order's status as a coloured chip with words. */
@Component({
  selector: 'tc-purchase-order-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + tone()" data-testid="po-status">{{ label() }}</span>`,
})
export class PurchaseOrderStatusChip {
  readonly status = input.required<PurchaseOrderStatus>();
  readonly label = computed(() => purchaseOrderStatusLabel(this.status()));
  readonly tone = computed(() => purchaseOrderStatusTone(this.status()));
}
