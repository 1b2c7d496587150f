import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { MoneyString } from '@tradecounter/contracts';
import { MoneyPipe } from '../shared/money.pipe';
import type { PriceChange } from './price-changes';

/**
 * "Prices have changed": every line at its new price, the changed ones
 * marked with the price shown before, and the new total. The actions
 * (place at the new prices, go back) are projected as content.
 */
@Component({
  selector: 'tc-price-changed-notice',
  imports: [MatIconModule, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="notice" role="alert" data-testid="price-changed">
      <mat-icon svgIcon="warning" aria-hidden="true" />
      <div class="body">
        <p><strong>Prices have changed since they were shown.</strong> Nothing was ordered.</p>
        <div class="tc-table-scroll">
          <table aria-label="New prices">
            <thead>
              <tr>
                <th>SKU</th>
                <th class="num">Qty</th>
                <th class="num">Unit price</th>
                <th class="num">Line total</th>
              </tr>
            </thead>
            <tbody>
              @for (c of changes(); track c.productId) {
                <tr [class.changed]="c.changed" [attr.data-sku]="c.sku">
                  <td class="mono">
                    {{ c.sku }}
                    @if (c.changed) {
                      <span class="tag">Changed</span>
                    }
                  </td>
                  <td class="num">{{ c.quantity }}</td>
                  <td class="num">
                    @if (c.changed && c.seenUnitPrice) {
                      <s aria-label="Was">{{ c.seenUnitPrice | money }}</s>
                      <span aria-hidden="true"> → </span>
                    }
                    <strong>{{ c.unitPrice | money }}</strong>
                  </td>
                  <td class="num">{{ c.lineTotal | money }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p data-testid="new-subtotal">
          The order now comes to <strong>{{ subtotal() | money }}</strong>, not
          {{ expectedSubtotal() | money }}.
        </p>
        <div class="actions"><ng-content /></div>
      </div>
    </div>
  `,
  styles: `
    .notice {
      display: flex;
      gap: 12px;
      padding: 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-icon {
      flex: none;
    }
    .body {
      flex: 1 1 auto;
      min-width: 0;
    }
    p {
      margin: 0 0 8px;
    }
    table {
      border-collapse: collapse;
      margin: 0 0 8px;
      min-width: min(100%, 420px);
    }
    th,
    td {
      text-align: left;
      padding: 4px 12px 4px 0;
      white-space: nowrap;
    }
    th {
      font: var(--mat-sys-label-medium);
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    tr.changed td {
      font-weight: 500;
    }
    .tag {
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 4px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-error);
    }
    s {
      opacity: 0.75;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class PriceChangedNotice {
  readonly changes = input.required<PriceChange[]>();
  readonly subtotal = input.required<MoneyString>();
  readonly expectedSubtotal = input.required<MoneyString>();
}
