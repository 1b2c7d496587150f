import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DEFAULT_RETURN_WINDOW_DAYS, type Product } from '@tradecounter/contracts';
import { catchError, map, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SettingsApi } from '../settings/settings-api';
import { returnWindowLabel } from './return-window';
import { ReturnWindowDialog, type ReturnWindowDialogData } from './return-window-dialog';

/** A product's return window on its page, for everyone; admins change it. */
@Component({
  selector: 'tc-product-returns-card',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tc-card" aria-labelledby="returns-title">
      <div class="head">
        <h2 class="title" id="returns-title">Returns</h2>
        @if (isAdmin) {
          <button mat-stroked-button type="button" (click)="edit()">
            <mat-icon svgIcon="edit" />Edit returns
          </button>
        }
      </div>
      <dl class="tc-facts" data-testid="product-returns">
        <div>
          <dt>Return window</dt>
          <dd>{{ label() }}</dd>
        </div>
      </dl>
      <p class="tc-muted hint">
        @if (product().returnWindowDays === 0) {
          This product cannot be sent back once delivered.
        } @else {
          Days after delivery a return may be asked.
        }
      </p>
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
    .hint {
      margin: 0;
      padding: 0 20px 16px;
    }
  `,
})
export class ProductReturnsCard {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  readonly isAdmin = inject(AuthService).hasRole(['admin']);
  readonly product = input.required<Product>();
  /** The product after an admin changed its window (the page keeps it). */
  readonly saved = output<Product>();

  /** The shop's default window; the contract's default if the settings cannot be read. */
  readonly defaultDays = toSignal(
    inject(SettingsApi)
      .returnSettings()
      .pipe(
        map((settings) => settings.defaultWindowDays),
        catchError(() => of(DEFAULT_RETURN_WINDOW_DAYS)),
      ),
    { initialValue: DEFAULT_RETURN_WINDOW_DAYS },
  );
  readonly label = computed(() => returnWindowLabel(this.product().returnWindowDays, this.defaultDays()));

  edit(): void {
    const product = this.product();
    this.dialog
      .open<ReturnWindowDialog, ReturnWindowDialogData, Product>(ReturnWindowDialog, {
        data: {
          productId: product.id,
          sku: product.sku,
          returnWindowDays: product.returnWindowDays ?? null,
          defaultDays: this.defaultDays(),
        },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.saved.emit(saved);
        const label = returnWindowLabel(saved.returnWindowDays, this.defaultDays());
        this.snackBar.open(`Return window of ${saved.sku}: ${label}`, 'Dismiss', { duration: 4000 });
      });
  }
}
