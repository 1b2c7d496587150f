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
import { RouterLink } from '@angular/router';
import { CUSTOMER_ROLES, type ProductDetail } from '@tradecounter/contracts';
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

@Component({
  selector: 'tc-product-detail-page',
  imports: [
    MatButtonModule,
    MatIconModule,
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

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Staff: price for this account (`?accountId=`, kept from the catalog). */
  readonly accountId = input('', { transform: textParam });
  readonly isAdmin = computed(() => this.auth.hasRole(['admin']));
  readonly canBuy = computed(() => this.auth.hasRole(CUSTOMER_ROLES));

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

  retry(): void {
    this.reloads.update((n) => n + 1);
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
