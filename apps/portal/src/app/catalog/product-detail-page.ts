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
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CUSTOMER_ROLES, featureRoles, type Product, type ProductDetail } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { ProductAvailabilityCard } from '../availability/product-availability';
import { AddToCart } from '../cart/add-to-cart';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { ProductPricing } from '../pricing/product-pricing';
import { textParam } from '../shared/route-inputs';
import { CatalogApi } from './catalog-api';
import { ProductFormData, ProductFormDialog } from './product-form-dialog';
import { ProductPicture } from './product-image';
import { openRequestQuote } from '../quotes/request-quote-dialog';
import { ProductSupplyCard } from '../purchasing/product-supply-card';
import { ProductReturnsCard } from './product-returns-card';

@Component({
  selector: 'tc-product-detail-page',
  imports: [
    ProductSupplyCard,
    ProductReturnsCard,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    RouterLink,
    ErrorState,
    LoadingState,
    MoneyPipe,
    ProductAvailabilityCard,
    ProductPricing,
    AddToCart,
    ProductPicture,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-detail-page.html',
  styles: `
    .title {
      display: flex;
      flex-direction: column;
      gap: 2px;
      flex: 1 1 auto;
    }
    .sku {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
    }
    .qty {
      width: 140px;
    }
    .price-title {
      font: var(--mat-sys-title-medium);
      padding: 16px 20px 12px;
      margin: 0;
    }
    .overview {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
    }
    .overview .tc-facts {
      flex: 1 1 320px;
      min-width: 0;
    }
    .picture {
      margin: 20px 0 0 20px;
    }
    .description {
      padding: 0 20px 20px;
      margin: 0;
      white-space: pre-line;
    }
  `,
})
export class ProductDetailPage {
  private readonly api = inject(CatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Staff: price for this account (`?accountId=`, kept from the catalog). */
  readonly accountId = input('', { transform: textParam });
  readonly isAdmin = computed(() => this.auth.hasRole(['admin']));
  readonly canBuy = computed(() => this.auth.hasRole(CUSTOMER_ROLES));
  /** Staff who read purchasing see the product's purchasing facts. */
  readonly readsPurchasing = computed(() => this.auth.hasRole(featureRoles('purchasing')));

  private readonly reloads = signal(0);
  private readonly query = computed(() => ({
    id: this.id(),
    accountId: this.auth.hasRole(['account_manager', 'manager', 'admin']) ? this.accountId() : '',
    reload: this.reloads(),
  }));
  private readonly loaded = toSignal(
    loadOnEach(toObservable(this.query), ({ id, accountId }) => this.api.product(id, accountId || undefined)),
  );
  /** The loaded product, replaced in place after an edit. */
  readonly product = linkedSignal<ProductDetail | undefined>(() => this.loaded()?.value);
  readonly loading = computed(() => this.loaded()?.loading ?? true);
  readonly problem = computed(() => this.loaded()?.problem);
  /**
   * The page's one quantity: typed once (beside Add to cart for a buyer),
   * followed by the price, the promise and what is added. Starts at the
   * product's minimum.
   */
  readonly quantity = linkedSignal<number | string | null | undefined>(() => this.product()?.minOrderQty);
  /** The quantity as a number to price and promise, or null while it is not one. */
  readonly wholeQuantity = computed(() => {
    const value = this.quantity();
    if (value === null || value === undefined || value === '') return null;
    const quantity = Number(value);
    return Number.isFinite(quantity) ? quantity : null;
  });

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  /** Asks for a price on this product at the page's quantity (the API checks its pack rules). */
  requestQuote(product: ProductDetail): void {
    const quantity = this.wholeQuantity();
    if (!quantity) return;
    const line = { productId: product.id, sku: product.sku, name: product.name, quantity };
    openRequestQuote(this.dialog, { lines: [line], source: 'this product page' }).subscribe((quote) => {
      if (!quote) return;
      this.snackBar.open(`Quote ${quote.number} requested`, 'Dismiss', { duration: 5000 });
      void this.router.navigate(['/quotes', quote.id]);
    });
  }

  /** The returns card saved a new window: keep it without reloading the page. */
  returnWindowSaved(saved: Product): void {
    this.product.update((p) => (p ? { ...p, returnWindowDays: saved.returnWindowDays ?? null } : p));
  }

  edit(product: ProductDetail): void {
    const data: ProductFormData = { product };
    this.dialog
      .open(ProductFormDialog, { data, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: ProductDetail) => {
        if (!saved) return;
        this.product.set(saved);
        this.snackBar.open(`${saved.sku} saved`, 'Dismiss');
      });
  }
}
