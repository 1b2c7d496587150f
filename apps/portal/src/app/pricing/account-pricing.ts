import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelect, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Account, AuditEntry, ContractPrice } from '@tradecounter/contracts';
import { catchError, combineLatest, map, of, startWith } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import type { Versioned } from '../shared/versioned';
import { ContractPriceDialog, type ContractPriceDialogData } from './contract-price-dialog';
import { liveQuote } from './live-quote';
import { PercentPipe } from './percent.pipe';
import { isoDate } from './price-labels';
import { PricingApi } from './pricing-api';
import { PricingHistory } from './pricing-history';
import { ProductPicker, type ProductRef } from '../catalog/product-picker';
import { QuoteLineSummary } from './quote-line-summary';
import { DisplayDatePipe } from '../shared/date.pipe';
import { TierChangeDialog, type TierChangeDialogData, type TierChangeResult } from './tier-change-dialog';

type WindowState = 'active' | 'scheduled' | 'expired';

/** Keeps the entries of an account's trail that concern its prices. */
function isPricingEntry(entry: AuditEntry): boolean {
  if (entry.entity === 'contract_price') return true;
  return (
    entry.entity === 'account' &&
    ('priceTierId' in (entry.before ?? {}) || 'priceTierId' in (entry.after ?? {}))
  );
}

/** An account's tier, contract prices, a price preview and the history of its prices. */
@Component({
  selector: 'tc-account-pricing',
  imports: [
    DisplayDatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    MoneyPipe,
    PercentPipe,
    PricingHistory,
    ProductPicker,
    QuoteLineSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-pricing.html',
  styleUrl: './account-pricing.scss',
})
export class AccountPricing {
  private readonly pricing = inject(PricingApi);
  private readonly accounts = inject(AccountsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly account = input.required<Account>();
  readonly etag = input<string | null>(null);
  readonly readonly = input(false);
  readonly saved = output<Versioned<Account>>();
  readonly reload = output();

  readonly isPricingEntry = isPricingEntry;
  readonly tiers = toSignal(this.pricing.tiers().pipe(catchError(() => of([]))), { initialValue: [] });
  readonly tier = computed(() => this.tiers().find((t) => t.id === this.account().priceTierId) ?? null);
  readonly savingTier = signal(false);
  private readonly tierSelect = viewChild(MatSelect);
  readonly staleAccount = signal(false);

  private readonly reloads = signal(0);
  private readonly pricesQuery = computed(() => ({ id: this.account().id, reload: this.reloads() }));
  private readonly loaded = toSignal(
    loadOnEach(toObservable(this.pricesQuery), ({ id }) => this.pricing.contractPrices(id)),
  );
  /** Replaced in place by what a save or removal answers. */
  readonly prices = signal<ContractPrice[] | null>(null);
  readonly contract = computed(() => {
    const loaded = this.loaded();
    return { ...loaded, value: this.prices() ?? loaded?.value };
  });
  readonly priceVersion = signal(0);
  readonly today = isoDate(new Date());
  readonly columns = computed(() => [
    'sku',
    'name',
    'list',
    'unit',
    'window',
    'state',
    ...(this.readonly() ? [] : ['actions']),
  ]);

  /** Product ids → SKU and tier ids → name, for the history. */
  readonly names = computed(() => {
    const names = new Map<string, string>();
    for (const t of this.tiers()) names.set(t.id, t.name);
    for (const p of this.contract().value ?? []) names.set(p.productId, p.sku);
    return names;
  });

  readonly previewProduct = new FormControl<ProductRef | null>(null);
  readonly previewQty = new FormControl<number | null>(1, [Validators.required, Validators.min(1)]);
  readonly preview = toSignal(
    liveQuote(
      combineLatest([
        this.previewProduct.valueChanges.pipe(startWith(this.previewProduct.value)),
        this.previewQty.valueChanges.pipe(startWith(this.previewQty.value)),
        toObservable(this.priceVersion),
      ]).pipe(map(([product, quantity, version]) => ({ productId: product?.id ?? null, quantity, version }))),
      (productId, quantity) =>
        this.pricing.quote({ accountId: this.account().id, lines: [{ productId, quantity }] }),
    ),
  );
  readonly tierLabel = computed(() => {
    const tier = this.tier();
    return tier ? { name: tier.name, discountPercent: tier.discountPercent } : null;
  });

  windowState(price: ContractPrice): WindowState {
    if (price.validFrom > this.today) return 'scheduled';
    if (price.validTo !== null && price.validTo < this.today) return 'expired';
    return 'active';
  }

  /** Shows the price effect on recent order lines and asks before moving the account; kept: the select goes back. */
  changeTier(priceTierId: string): void {
    const account = this.account();
    if (priceTierId === account.priceTierId) return;
    const tier = this.tiers().find((t) => t.id === priceTierId) ?? null;
    const data: TierChangeDialogData = { account, etag: this.etag(), tier };
    this.savingTier.set(true);
    this.dialog
      .open<TierChangeDialog, TierChangeDialogData, TierChangeResult>(TierChangeDialog, {
        data,
        width: '720px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        this.savingTier.set(false);
        if (result && 'moved' in result) {
          this.snackBar.open(`${result.moved.value.code} moved to ${tier?.name ?? 'no tier'}`, 'Dismiss');
          this.saved.emit(result.moved);
          this.priceVersion.update((n) => n + 1);
          return;
        }
        const select = this.tierSelect();
        if (select) select.value = account.priceTierId;
        if (result && 'stale' in result) this.staleAccount.set(true);
      });
  }

  reloadAccount(): void {
    this.staleAccount.set(false);
    this.reload.emit();
  }

  edit(price: ContractPrice | null): void {
    const data: ContractPriceDialogData = { accountId: this.account().id, price };
    this.dialog
      .open(ContractPriceDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((prices?: ContractPrice[]) => {
        if (!prices) return;
        this.prices.set(prices);
        this.priceVersion.update((n) => n + 1);
        this.snackBar.open('Contract price saved', 'Dismiss');
      });
  }

  remove(price: ContractPrice): void {
    this.pricing.deleteContractPrice(this.account().id, price.productId, price.validFrom).subscribe({
      next: (prices) => {
        this.prices.set(prices);
        this.priceVersion.update((n) => n + 1);
        this.snackBar.open(`Contract price for ${price.sku} removed`, 'Dismiss');
      },
      error: (error: unknown) =>
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss', { duration: 8000 }),
    });
  }

  retry(): void {
    this.prices.set(null);
    this.reloads.update((n) => n + 1);
  }
}
