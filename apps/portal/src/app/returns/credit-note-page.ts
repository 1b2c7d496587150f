import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { INTERNAL_ROLES } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { DocumentDownload } from '../shared/document-download';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { hasFee, percentWords } from './return-rules';
import { creditNotePdfUrl, ReturnsApi } from './returns-api';

/** One credit note: its lines at the price paid, the restocking fee, the total, and its PDF. */
@Component({
  selector: 'tc-credit-note-page',
  imports: [
    DisplayDateTimePipe,
    DocumentDownload,
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    MoneyPipe,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      @let s = loaded();
      <header class="tc-page-header">
        <a mat-icon-button routerLink="/credit-notes" aria-label="Back to credit notes"
          ><mat-icon svgIcon="back"
        /></a>
        @if (s?.value; as cn) {
          <h1>
            Credit note <span class="tc-mono">{{ cn.number }}</span>
          </h1>
          <tc-document-download [url]="pdfUrl(cn.id)" [filename]="cn.number + '.pdf'" />
        } @else {
          <h1>Credit note</h1>
        }
      </header>
      @if (s?.problem; as problem) {
        <div class="tc-card"><tc-error-state [problem]="problem" (retry)="retry()" /></div>
      } @else if (s?.value; as cn) {
        <div class="tc-card">
          <dl class="tc-facts">
            @if (isStaff()) {
              <div>
                <dt>Account</dt>
                <dd>{{ cn.accountCode }} — {{ cn.accountName }}</dd>
              </div>
            }
            <div>
              <dt>Issued</dt>
              <dd>{{ cn.issuedAt | displayDateTime }}</dd>
            </div>
            <div>
              <dt>Return</dt>
              <dd>
                <a class="tc-mono" [routerLink]="['/returns', cn.returnId]">{{ cn.returnNumber }}</a>
              </dd>
            </div>
            <div>
              <dt>Order</dt>
              <dd>
                <a class="tc-mono" [routerLink]="['/orders', cn.orderId]">{{ cn.orderNumber }}</a>
              </dd>
            </div>
            <div>
              <dt>Total credited</dt>
              <dd class="total" data-testid="credit-note-total">{{ cn.total | money }}</dd>
            </div>
          </dl>
        </div>
        <div class="tc-card">
          <h2 class="card-title">Lines</h2>
          <div class="tc-table-scroll">
            <table mat-table [dataSource]="cn.lines" class="tc-table" aria-label="Credit note lines">
              <ng-container matColumnDef="product">
                <th mat-header-cell *matHeaderCellDef>Product</th>
                <td mat-cell *matCellDef="let l">
                  <span class="tc-mono">{{ l.sku }}</span>
                  <div>{{ l.name }}</div>
                </td>
                <td mat-footer-cell *matFooterCellDef>Total</td>
              </ng-container>
              <ng-container matColumnDef="quantity">
                <th mat-header-cell *matHeaderCellDef class="tc-num">Qty</th>
                <td mat-cell *matCellDef="let l" class="tc-num">{{ l.quantity }}</td>
                <td mat-footer-cell *matFooterCellDef></td>
              </ng-container>
              <ng-container matColumnDef="unitPrice">
                <th mat-header-cell *matHeaderCellDef class="tc-num">Price paid</th>
                <td mat-cell *matCellDef="let l" class="tc-num">{{ l.unitPrice | money }}</td>
                <td mat-footer-cell *matFooterCellDef></td>
              </ng-container>
              <ng-container matColumnDef="gross">
                <th mat-header-cell *matHeaderCellDef class="tc-num">Amount</th>
                <td mat-cell *matCellDef="let l" class="tc-num">{{ l.gross | money }}</td>
                <td mat-footer-cell *matFooterCellDef class="tc-num">{{ cn.subtotal | money }}</td>
              </ng-container>
              <ng-container matColumnDef="fee">
                <th mat-header-cell *matHeaderCellDef class="tc-num">Restocking fee</th>
                <td mat-cell *matCellDef="let l" class="tc-num">
                  @if (hasFee(l.feePercent)) {
                    −{{ l.fee | money }}
                    <span class="tc-muted small">({{ percentWords(l.feePercent) }})</span>
                  } @else {
                    <span class="tc-muted">—</span>
                  }
                </td>
                <td mat-footer-cell *matFooterCellDef class="tc-num">
                  {{ cn.fee === '0.00' ? '—' : '−' + (cn.fee | money) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="total">
                <th mat-header-cell *matHeaderCellDef class="tc-num">Credit</th>
                <td mat-cell *matCellDef="let l" class="tc-num">{{ l.total | money }}</td>
                <td mat-footer-cell *matFooterCellDef class="tc-num total">{{ cn.total | money }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let l; columns: columns"></tr>
              <tr mat-footer-row *matFooterRowDef="columns"></tr>
            </table>
          </div>
        </div>
      } @else {
        <div class="tc-card"><tc-loading-state label="Loading the credit note…" /></div>
      }
    </section>
  `,
  styles: `
    .card-title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      padding: 16px 20px 8px;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .total {
      font-weight: 600;
    }
    h1 {
      flex: 1 1 auto;
    }
  `,
})
export class CreditNotePage {
  private readonly api = inject(ReturnsApi);
  private readonly auth = inject(AuthService);
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  readonly loaded = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.creditNote(id),
    ),
  );
  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly columns = ['product', 'quantity', 'unitPrice', 'gross', 'fee', 'total'];
  readonly hasFee = hasFee;
  readonly percentWords = percentWords;
  readonly pdfUrl = creditNotePdfUrl;

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
