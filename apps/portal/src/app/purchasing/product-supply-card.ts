import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ProductSupply } from '@tradecounter/contracts';
import { catchError, map, of, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { PurchasingApi } from './purchasing-api';
import { ProductSupplyDialog, type ProductSupplyDialogData } from './product-supply-dialog';

/** A product's purchasing facts on its page, for staff who read purchasing; admins edit them. */
@Component({
  selector: 'tc-product-supply-card',
  imports: [ErrorState, LoadingState, MatButtonModule, MatIconModule, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tc-card" aria-labelledby="supply-title">
      <div class="head">
        <h2 class="title" id="supply-title">Purchasing</h2>
        @if (isAdmin && !state()?.loading && !state()?.problem) {
          <button mat-stroked-button type="button" (click)="edit()">
            <mat-icon svgIcon="edit" />{{ supply() ? 'Edit purchasing' : 'Set purchasing' }}
          </button>
        }
      </div>
      @let s = state();
      @if (!s || s.loading) {
        <tc-loading-state [compact]="true" label="Loading purchasing facts…" />
      } @else if (s?.problem; as problem) {
        <tc-error-state [problem]="problem" (retry)="reload()" />
      } @else if (supply(); as p) {
        <dl class="tc-facts" data-testid="product-supply">
          <div>
            <dt>Supplier</dt>
            <dd>
              {{ p.supplierName }} <span class="tc-muted">({{ p.supplierCode }})</span>
            </dd>
          </div>
          <div>
            <dt>Supplier SKU</dt>
            <dd class="tc-mono">{{ p.supplierSku }}</dd>
          </div>
          <div>
            <dt>Unit cost</dt>
            <dd>{{ p.unitCost | money }}</dd>
          </div>
          <div>
            <dt>Pack</dt>
            <dd>{{ p.packSize }}</dd>
          </div>
          <div>
            <dt>Safety / review</dt>
            <dd>{{ p.safetyDays }} / {{ p.reviewDays }} business days</dd>
          </div>
        </dl>
      } @else {
        <p class="none tc-muted">No supplier yet: this product cannot be bought on a purchase order.</p>
      }
    </div>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 12px 20px 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .none {
      margin: 0;
      padding: 8px 20px 16px;
    }
  `,
})
export class ProductSupplyCard {
  private readonly api = inject(PurchasingApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  readonly isAdmin = inject(AuthService).hasRole(['admin']);
  readonly productId = input.required<string>();
  readonly sku = input.required<string>();
  private readonly reloads = signal(0);
  /** null: the product has no purchasing facts yet (404). */
  readonly state = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.productId(), reload: this.reloads() }))), ({ id }) =>
      this.api.supply(id).pipe(
        map((supply): ProductSupply | null => supply),
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error),
        ),
      ),
    ),
  );
  readonly supply = linkedSignal(() => this.state()?.value ?? null);

  edit(): void {
    this.dialog
      .open<ProductSupplyDialog, ProductSupplyDialogData, ProductSupply>(ProductSupplyDialog, {
        data: { productId: this.productId(), sku: this.sku(), supply: this.supply() },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.supply.set(saved);
        this.snackBar.open(`Purchasing facts of ${saved.sku} saved`, 'Dismiss', { duration: 4000 });
      });
  }

  reload(): void {
    this.reloads.update((n) => n + 1);
  }
}
