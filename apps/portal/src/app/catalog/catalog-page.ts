import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { CUSTOMER_ROLES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Product } from '@tradecounter/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { AuthService } from '../auth/auth.service';
import { AvailabilityBadge } from '../availability/availability-badge';
import { AddToCart } from '../cart/add-to-cart';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { flagParam, pageParam, pageSizeParam, textParam } from '../shared/route-inputs';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { CatalogApi } from './catalog-api';
import { YourPrice } from '../pricing/your-price';
import { ProductFormDialog, ProductFormData } from './product-form-dialog';
import { FilterPanel } from '../shared/filter-panel';

const SEARCH_DEBOUNCE_MS = 250;

@Component({
  selector: 'tc-catalog-page',
  imports: [
    FilterPanel,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    MoneyPipe,
    YourPrice,
    AvailabilityBadge,
    AddToCart,
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
  private readonly reloads = signal(0);

  // URL query parameters (router input binding): the URL is the source of truth.
  readonly search = input('', { transform: textParam });
  readonly category = input('', { transform: textParam });
  readonly page = input(1, { transform: pageParam });
  readonly pageSize = input(DEFAULT_PAGE_SIZE, { transform: pageSizeParam });
  /** Admins may list inactive products too (`?inactive=1`). */
  readonly inactive = input(false, { transform: flagParam });
  /** Staff: price the page for this account (`?accountId=`). */
  readonly accountId = input('', { transform: textParam });

  private readonly auth = inject(AuthService);
  readonly isAdmin = computed(() => this.auth.hasRole(['admin']));
  /** Staff who look after accounts may see the catalog at an account's prices. */
  readonly canPickAccount = computed(() => this.auth.hasRole(['account_manager', 'manager', 'admin']));
  /** Customer users buy from the list. */
  readonly canBuy = computed(() => this.auth.hasRole(CUSTOMER_ROLES));
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
    const items = this.state()?.value?.items ?? [];
    const priced = items.some((p) => p.unitPrice !== undefined);
    const stocked = items.some((p) => p.availability !== undefined || p.available !== undefined);
    return [
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
  readonly searchControl = new FormControl('', { nonNullable: true });
  readonly categories = toSignal(this.api.categories(), { initialValue: [] });

  private readonly query = computed(() => ({
    search: this.search().trim(),
    category: this.category(),
    page: Math.max(1, this.page()),
    pageSize: this.pageSize(),
    includeInactive: this.isAdmin() && this.inactive() ? true : undefined,
    accountId: this.canPickAccount() ? this.accountId() || undefined : undefined,
    reload: this.reloads(),
  }));

  readonly state = toSignal(
    loadOnEach(toObservable(this.query), ({ reload: _reload, ...query }) => this.api.products(query)),
  );

  constructor() {
    toObservable(this.search)
      .pipe(takeUntilDestroyed())
      .subscribe((search) => {
        if (search !== this.searchControl.value.trim())
          this.searchControl.setValue(search, { emitEvent: false });
      });
    this.searchControl.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((search) => this.setQuery({ search: search || null, page: null }));
  }

  selectCategory(category: string): void {
    this.setQuery({ category: category || null, page: null });
  }

  priceFor(accountId: string): void {
    this.setQuery({ accountId: accountId || null });
  }

  showInactive(show: boolean): void {
    this.setQuery({ inactive: show ? 1 : null, page: null });
  }

  changePage(event: PageEvent): void {
    this.setQuery({
      page: event.pageIndex + 1,
      pageSize: event.pageSize === DEFAULT_PAGE_SIZE ? null : event.pageSize,
    });
  }

  clearFilters(): void {
    this.searchControl.setValue('', { emitEvent: false });
    this.setQuery({ search: null, category: null, page: null });
  }

  open(product: Product): void {
    const accountId = this.canPickAccount() ? this.accountId() : '';
    void this.router.navigate([product.id], {
      relativeTo: this.route,
      queryParams: accountId ? { accountId } : {},
    });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
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

  private setQuery(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
