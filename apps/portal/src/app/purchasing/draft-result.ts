import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { DraftPurchaseOrdersResult } from '@tradecounter/contracts';
import { MoneyPipe } from '../shared/money.pipe';
import { type DraftableRow, rowKey } from './draft-selection';

/** What drafting made: links to the new drafts, and the rows left out with the reason. */
@Component({
  selector: 'tc-draft-result',
  imports: [MatButtonModule, MatIconModule, MoneyPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = result();
    <div class="result" role="status" data-testid="draft-result">
      <h2>
        {{
          r.purchaseOrders.length === 0
            ? 'No purchase order was drafted'
            : r.purchaseOrders.length === 1
              ? '1 draft purchase order'
              : r.purchaseOrders.length + ' draft purchase orders'
        }}
      </h2>
      @if (r.purchaseOrders.length) {
        <ul>
          @for (po of r.purchaseOrders; track po.id) {
            <li>
              <a class="tc-mono" [routerLink]="['/purchasing/orders', po.id]">{{ po.number }}</a>
              — {{ po.supplierName }}, {{ po.units }} units in {{ po.lineCount }}
              {{ po.lineCount === 1 ? 'line' : 'lines' }}, {{ po.total | money }}
            </li>
          }
        </ul>
        <p class="tc-muted">Check them, then send each to its supplier.</p>
      }
      @if (r.skipped.length) {
        <h3>Left out</h3>
        <ul class="skipped">
          @for (s of r.skipped; track $index) {
            <li>
              <span class="tc-mono">{{ label(s) }}</span>: {{ s.reason }}
            </li>
          }
        </ul>
      }
      <button mat-button type="button" (click)="dismiss.emit()">Dismiss</button>
    </div>
  `,
  styles: `
    .result {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 8px 0 4px;
    }
    ul {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .skipped {
      color: #5c4100;
    }
  `,
})
export class DraftResult {
  readonly result = input.required<DraftPurchaseOrdersResult>();
  /** The rows drafted from, to name a skipped one by its SKU. */
  readonly rows = input<readonly (DraftableRow & { sku: string })[]>([]);
  readonly dismiss = output();

  label(skipped: DraftableRow): string {
    const row = this.rows().find((r) => rowKey(r) === rowKey(skipped));
    return `${row?.sku ?? skipped.productId} at ${skipped.warehouseCode}`;
  }
}
