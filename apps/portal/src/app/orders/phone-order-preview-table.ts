import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ErrorState } from '../shared/error-state';
import { MoneyPipe } from '../shared/money.pipe';
import type { PhoneOrderPreview } from './phone-order-preview';

/** The typed lines priced for the chosen account: unit price, line total, subtotal, bad lines flagged. */
@Component({
  selector: 'tc-phone-order-preview-table',
  imports: [MatIconModule, MatProgressBarModule, ErrorState, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Priced preview</h2>
      @let p = preview();
      @if (p?.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Pricing the lines" />
      }
      @if (!p || (p.lines.length === 0 && p.rowErrors.length === 0)) {
        <p class="tc-muted hint">Type lines to see the account's prices.</p>
      } @else if (p.status === 'error' && p.problem) {
        <tc-error-state [problem]="p.problem" (retry)="retry.emit()" />
      } @else {
        @if (!p.accountId) {
          <p class="tc-muted hint">Choose an account to price these lines.</p>
        }
        @if (p.rowErrors.length) {
          <ul class="row-errors" aria-label="Rows that could not be read">
            @for (e of p.rowErrors; track e.row) {
              <li>
                <mat-icon svgIcon="error" aria-hidden="true" />Row {{ e.row }} (“{{ e.text.trim() }}”):
                {{ e.reason }}
              </li>
            }
          </ul>
        }
        @if (p.lines.length) {
          <div class="tc-table-scroll">
            <table aria-label="Priced lines" [attr.aria-busy]="p.status === 'loading'">
              <thead>
                <tr>
                  <th>SKU</th>
                  <th>Product</th>
                  <th class="num">Qty</th>
                  <th class="num">Unit price</th>
                  <th class="num">Line total</th>
                </tr>
              </thead>
              <tbody>
                @for (l of p.lines; track l.sku) {
                  <tr [class.bad]="!!l.problem" [attr.data-sku]="l.sku">
                    <td class="mono">{{ l.sku }}</td>
                    <td>
                      {{ l.name ?? '' }}
                      @if (l.problem) {
                        <div class="problem">
                          <mat-icon svgIcon="error" aria-hidden="true" />{{ l.problem }}
                        </div>
                      }
                    </td>
                    <td class="num">{{ l.quantity }}</td>
                    <td class="num">{{ l.unitPrice ? (l.unitPrice | money) : '—' }}</td>
                    <td class="num">{{ l.lineTotal ? (l.lineTotal | money) : '—' }}</td>
                  </tr>
                }
              </tbody>
              @if (p.subtotal) {
                <tfoot>
                  <tr>
                    <th colspan="4" class="num">Subtotal (excl. tax)</th>
                    <td class="num total" data-testid="preview-subtotal">{{ p.subtotal | money }}</td>
                  </tr>
                </tfoot>
              }
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin: 4px 0 12px;
    }
    .preview {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
    }
    h2 {
      font: var(--mat-sys-title-small);
      margin: 0;
      padding: 12px 16px 8px;
    }
    .hint {
      margin: 0;
      padding: 0 16px 12px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 8px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      white-space: nowrap;
    }
    tfoot th,
    tfoot td {
      vertical-align: baseline;
    }
    .total {
      font-weight: 600;
    }
    tr.bad td {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .problem,
    .row-errors li {
      display: flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
    tr.bad .problem {
      color: inherit;
    }
    .row-errors {
      list-style: none;
      margin: 0;
      padding: 0 16px 12px;
    }
    mat-icon {
      width: 16px;
      height: 16px;
      flex: none;
    }
  `,
})
export class PhoneOrderPreviewTable {
  readonly preview = input<PhoneOrderPreview | null>(null);
  readonly retry = output();
}
