import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Account, PriceTierSummary } from '@tradecounter/contracts';
import { AccountsApi, type Versioned } from '../accounts/accounts-api';
import { loadable } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { PricingApi } from './pricing-api';

export interface TierChangeDialogData {
  account: Account;
  etag: string | null;
  /** The proposed tier; null for none. */
  tier: PriceTierSummary | null;
}

/** How the dialog closed: moved (the saved account), stale (someone else saved first), or undefined (kept). */
export type TierChangeResult = { moved: Versioned<Account> } | { stale: true } | undefined;

/**
 * Before an account moves to another price tier: what it does to a few of
 * the account's recent order lines (today's unit price on the present tier
 * and on the new one, from the API's price calculator), then confirm.
 */
@Component({
  selector: 'tc-tier-change-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule, LoadingState, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Move {{ data.account.name }} to {{ data.tier?.name ?? 'no tier' }}?</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <mat-dialog-content>
      @let s = preview();
      @if (s.loading) {
        <tc-loading-state [compact]="true" label="Pricing recent order lines…" />
      } @else if (s.problem; as problem) {
        <p class="tc-muted">The effect on recent lines could not be priced: {{ problem.title }}.</p>
      } @else if (s.value; as p) {
        @if (p.lines.length === 0) {
          <p class="tc-muted">The account has no orders yet: there are no recent lines to compare.</p>
        } @else {
          <p class="intro">
            Today’s unit price of its {{ p.lines.length }} most recent order lines, on
            {{ p.currentTier?.name ?? 'no tier' }} now and on {{ p.newTier?.name ?? 'no tier' }}:
          </p>
          <div class="tc-table-scroll">
            <table aria-label="Price effect on recent order lines" data-testid="tier-change-lines">
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Product</th>
                  <th class="num">Qty</th>
                  <th class="num">Now</th>
                  <th class="num">New</th>
                  <th class="num">Change</th>
                </tr>
              </thead>
              <tbody>
                @for (l of p.lines; track l.productId) {
                  <tr [attr.data-sku]="l.sku">
                    <td class="mono">{{ l.orderNumber }}</td>
                    <td>
                      <span class="mono">{{ l.sku }}</span> {{ l.name }}
                    </td>
                    <td class="num">{{ l.quantity }}</td>
                    <td class="num">{{ l.currentUnitPrice | money }}</td>
                    <td class="num">{{ l.newUnitPrice | money }}</td>
                    <td class="num" [class.up]="!l.change.startsWith('-') && l.change !== '0.00'">
                      {{
                        l.change === '0.00' ? '—' : (l.change.startsWith('-') ? '' : '+') + (l.change | money)
                      }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        <p class="tc-muted small">Open carts are repriced at once; placed orders keep their prices.</p>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Keep the present tier</button>
      <button mat-flat-button type="button" (click)="confirm()" [disabled]="saving()">
        Move to {{ data.tier?.name ?? 'no tier' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .intro {
      margin: 0 0 8px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .mono {
      font-family: var(--tc-mono, monospace);
    }
    .up {
      color: var(--mat-sys-error);
    }
    .small {
      font: var(--mat-sys-body-small);
      margin: 8px 0 0;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class TierChangeDialog {
  readonly data = inject<TierChangeDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TierChangeDialog, TierChangeResult>>(MatDialogRef);
  private readonly accounts = inject(AccountsApi);
  private readonly pricing = inject(PricingApi);
  readonly saving = signal(false);
  readonly error = signal('');
  readonly preview = toSignal(
    loadable(this.pricing.tierChangePreview(this.data.account.id, this.data.tier?.id ?? null)),
    { requireSync: true },
  );

  confirm(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set('');
    const priceTierId = this.data.tier?.id ?? null;
    this.accounts.update(this.data.account.id, { priceTierId }, this.data.etag).subscribe({
      next: (moved) => this.ref.close({ moved }),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) this.ref.close({ stale: true });
        else this.error.set(problemMessage(toProblem(error)));
      },
    });
  }
}
