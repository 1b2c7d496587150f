import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CUSTOMER_ROLES,
  MAX_PAGE_SIZE,
  type Product,
  PRODUCT_SORT_FIELDS,
  type ProductQuery,
  type ProductSortField,
} from '@tradecounter/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { AuthService } from '../auth/auth.service';
import { AvailabilityBadge } from '../availability/availability-badge';
import { AddToCart } from '../cart/add-to-cart';
import { YourPrice } from '../pricing/your-price';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { SearchField } from '../shared/search-field';
import { CatalogApi } from './catalog-api';
import { ProductFormData, ProductFormDialog } from './product-form-dialog';
import { ProductPicture } from './product-image';
import { FilterPanel } from '../shared/filter-panel';

@Component({
  selector: 'tc-catalog-page',
  imports: [
    FilterPanel,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    MoneyPipe,
    SearchField,
    YourPrice,
    AvailabilityBadge,
    AddToCart,
    ProductPicture,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalog-page.html',
  styleUrl: './catalog-page.scss',
})
export class CatalogPage {
  private readonly api = inject(CatalogApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly accounts = inject(AccountsApi);

  private readonly auth = inject(AuthService);
  readonly isAdmin = computed(() => this.auth.hasRole(['admin']));
  /** Staff who look after accounts may see the catalog at an account's prices. */
  readonly canPickAccount = computed(() => this.auth.hasRole(['account_manager', 'manager', 'admin']));
  /** Customer users buy from the list. */
  readonly canBuy = computed(() => this.auth.hasRole(CUSTOMER_ROLES));
  /**
   * `?search=`, `?category=`, `?inactive=1` (admins: inactive products too),
   * `?inStock=1` (units available now), `?boughtBefore=1` (customers: their account ordered it),
   * `?accountId=` (staff: priced for this account; not a filter, so the page stays).
   */
  readonly list = urlList({
    filters: ['category', 'inactive', 'inStock', 'boughtBefore'],
    search: true,
    sort: { fields: PRODUCT_SORT_FIELDS, default: '', dir: 'asc' },
    request: ({ filters, search, page, pageSize, sort, dir }): ProductQuery => ({
      search,
      category: filters['category'],
      page,
      pageSize,
      includeInactive: this.isAdmin() && filters['inactive'] ? true : undefined,
      accountId: this.canPickAccount() ? this.accountId() || undefined : undefined,
      inStock: filters['inStock'] ? true : undefined,
      boughtBefore: this.canBuy() && filters['boughtBefore'] ? true : undefined,
      sort: sort as ProductSortField | undefined,
      dir,
    }),
    fetch: (query) => this.api.products(query),
  });
  readonly accountId = computed((): string => this.list.value('accountId'));
  readonly inStock = computed(() => !!this.list.value('inStock'));
  readonly boughtBefore = computed(() => !!this.list.value('boughtBefore'));
  readonly pricingAccounts = toSignal(
    toObservable(this.canPickAccount).pipe(
      switchMap((can) =>
        can
          ? this.accounts.list({ pageSize: MAX_PAGE_SIZE }).pipe(
              map((page) => page.items),
              catchError(() => of([])),
            )
          : of([]),
      ),
    ),
    { initialValue: [] },
  );
  /**
   * Prices are shown when the server priced the page (customers, or staff with an account picked);
   * availability whenever the server sent it.
   */
  readonly columns = computed(() => {
    const items = this.list.items();
    const priced = items.some((p) => p.unitPrice !== undefined);
    const stocked = items.some((p) => p.availability !== undefined || p.available !== undefined);
    return [
      'image',
      'sku',
      'name',
      'category',
      'unit',
      'listPrice',
      ...(priced ? ['yourPrice'] : []),
      // Buyers read the pack rules beside the quantity they type, in the add-to-cart column.
      ...(this.canBuy() ? [] : ['pack']),
      ...(stocked ? ['availability'] : []),
      ...(this.canBuy() ? ['cart'] : []),
    ];
  });
  readonly pricedFor = computed(() => this.pricingAccounts().find((a) => a.id === this.accountId()) ?? null);
  readonly categories = toSignal(this.api.categories(), { initialValue: [] });

  /** The product page, priced for the account the list is priced for. */
  productLink(product: Product): { path: string[]; query: Record<string, string> } {
    const accountId = this.canPickAccount() ? this.accountId() : '';
    return { path: [product.id], query: accountId ? { accountId } : {} };
  }

  /** The "In stock" and "Bought before" chips. */
  filterBy(filter: 'inStock' | 'boughtBefore', on: boolean): void {
    this.list.setFilter(filter, on ? 1 : null);
  }

  open(product: Product): void {
    const link = this.productLink(product);
    void this.router.navigate(link.path, { relativeTo: this.route, queryParams: link.query });
  }

  newProduct(): void {
    const data: ProductFormData = { product: null };
    this.dialog
      .open(ProductFormDialog, { data, width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((created?: Product) => {
        if (created) this.open(created);
      });
  }
}
