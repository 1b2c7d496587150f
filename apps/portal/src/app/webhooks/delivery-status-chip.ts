import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { WebhookDeliveryStatus } from '@tradecounter/contracts';

/** A delivery's state in words and colour (never colour alone). */
@Component({
  selector: 'tc-delivery-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="tc-status" [class]="'tone-' + status()" data-testid="delivery-status">{{
    label()
  }}</span>`,
  styles: `
    .tone-delivered {
      background: #d5f5e3;
      color: #0d5130;
    }
    .tone-pending {
      background: #fff1cc;
      color: #5c4100;
    }
    .tone-failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class DeliveryStatusChip {
  readonly status = input.required<WebhookDeliveryStatus>();
  readonly label = computed(() => {
    switch (this.status()) {
      case 'delivered':
        return 'Delivered';
      case 'pending':
        return 'Retrying';
      case 'failed':
        return 'Failed';
    }
  });
}
