import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { OrderStatus } from '@tradecounter/contracts';
import { OrderStatusChip } from './order-status-chip';

/**
 * An order page's header: back link, "Order SO-…" with its status, and the
 * page's actions (projected). The order detail and the warehouse's order page
 * share it; until the order has loaded it reads "Order".
 */
@Component({
  selector: 'tc-order-header',
  imports: [MatButtonModule, MatIconModule, RouterLink, OrderStatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="tc-page-header">
      <a mat-icon-button [routerLink]="back()" [queryParams]="backQuery()" [attr.aria-label]="backLabel()"
        ><mat-icon svgIcon="back"
      /></a>
      @if (order(); as o) {
        <h1>
          Order <span class="tc-mono">{{ o.number }}</span> <tc-order-status-chip [status]="o.status" />
        </h1>
        <div class="actions"><ng-content /></div>
      } @else {
        <h1>Order</h1>
      }
    </header>
  `,
  styles: `
    :host {
      display: block;
    }
    h1 {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class OrderHeader {
  readonly order = input.required<{ number: string; status: OrderStatus } | undefined>();
  readonly back = input.required<string>();
  readonly backQuery = input<Record<string, string>>({});
  readonly backLabel = input('Back');
}
