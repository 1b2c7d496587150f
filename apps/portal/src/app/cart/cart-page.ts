import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { Cart, CartLine, CartQuantityProblem } from '@tradecounter/contracts';
import { quantityProblem } from '@tradecounter/domain';
import { describeShipComplete } from '../availability/availability-text';
import { localIsoDate } from '../availability/promise-dates';
import { confirmAction } from '../shared/confirm-dialog';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { INITIAL_LOADABLE, type Loadable } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { openSaveTemplate } from '../templates/save-template-dialog';
import { CartApi } from './cart-api';
import { CartPlacementOutcome } from './cart-placement-outcome';
import { LinePromise } from './line-promise';
import { ProductPicture } from '../catalog/product-image';
import { openRequestQuote } from '../quotes/request-quote-dialog';

/** A refused quantity: the API's reason, and the quantity it suggests instead. */
interface LineError {
  message: string;
  suggested: number | null;
}

@Component({
  selector: 'tc-cart-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
    LinePromise,
    MoneyPipe,
    ProductPicture,
    CartPlacementOutcome,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cart-page.html',
  styleUrl: './cart-page.scss',
})
export class CartPage {
  private readonly api = inject(CartApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  readonly state = signal<Loadable<Cart>>(INITIAL_LOADABLE);
  readonly cart = computed(() => this.state().value);
  /** Product ids whose quantity is being saved. */
  readonly saving = signal<ReadonlySet<string>>(new Set());
  readonly lineErrors = signal<ReadonlyMap<string, LineError>>(new Map());
  readonly columns = ['product', 'quantity', 'unitPrice', 'lineTotal', 'promise', 'remove'];
  /**
   * Checkout waits while a line has a problem, a typed quantity was refused
   * or is still being saved: the order must be what the buyer sees typed,
   * never the last quantity that happened to save.
   */
  readonly blocked = computed(
    () =>
      (this.cart()?.lines ?? []).some((line) => line.problem) ||
      this.lineErrors().size > 0 ||
      this.saving().size > 0,
  );
  readonly shipCompleteText = computed(() => {
    const cart = this.cart();
    if (!cart?.shipComplete) return '';
    const units = cart.lines.reduce((sum, line) => sum + line.quantity, 0);
    return describeShipComplete(units, cart.shipComplete, localIsoDate());
  });

  constructor() {
    this.load();
  }

  load(): void {
    this.state.update((s) => ({ ...s, loading: true, problem: undefined }));
    this.api.cart().subscribe({
      next: (cart) => this.state.set({ loading: false, value: cart, problem: undefined }),
      error: (error: unknown) =>
        this.state.set({ loading: false, value: undefined, problem: toProblem(error) }),
    });
  }

  /** Saves a typed quantity when it changed; pack-rule refusals stay on the line with the API's reason. */
  setQuantity(line: CartLine, typed: string): void {
    const quantity = Number(typed);
    if (typed.trim() === '') {
      this.setError(line.productId, { message: 'Enter a quantity', suggested: line.quantity });
      return;
    }
    if (quantity === line.quantity) {
      this.clearError(line.productId);
      return;
    }
    const local = quantityProblem(quantity, line);
    if (local && !Number.isInteger(quantity)) {
      this.setError(line.productId, { message: `Quantity ${local}`, suggested: null });
      return;
    }
    this.mark(line.productId, true);
    this.api.setLine(line.productId, quantity).subscribe({
      next: (cart) => {
        this.mark(line.productId, false);
        this.clearError(line.productId);
        this.state.set({ loading: false, value: cart, problem: undefined });
      },
      error: (error: unknown) => {
        this.mark(line.productId, false);
        const problem = toProblem(error) as CartQuantityProblem;
        const message = problem.errors?.[0]?.message
          ? `Quantity ${problem.errors[0].message}`
          : (problem.detail ?? problem.title);
        this.setError(line.productId, { message, suggested: problem.suggestedQuantity ?? null });
      },
    });
  }

  remove(line: CartLine): void {
    this.mark(line.productId, true);
    this.api.removeLine(line.productId).subscribe({
      next: (cart) => {
        this.mark(line.productId, false);
        this.clearError(line.productId);
        this.state.set({ loading: false, value: cart, problem: undefined });
        this.snackBar
          .open(`${line.sku} removed`, 'Undo')
          .onAction()
          .subscribe(() => this.setQuantity({ ...line, quantity: 0 }, String(line.quantity)));
      },
      error: (error: unknown) => {
        this.mark(line.productId, false);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
      },
    });
  }

  empty(): void {
    confirmAction(this.dialog, {
      title: 'Empty the cart?',
      message:
        'Every line is removed from your cart. Save it as a template first if you will order it again.',
      confirmLabel: 'Empty cart',
      dismissLabel: 'Keep it',
      action: () => this.api.clear(),
    }).subscribe((cart) => {
      if (cart) this.state.set({ loading: false, value: cart, problem: undefined });
    });
  }

  saveAsTemplate(): void {
    openSaveTemplate(this.dialog, { fromCart: true }).subscribe((template) => {
      if (!template) return;
      this.snackBar
        .open(`Saved as template “${template.name}”`, 'Templates')
        .onAction()
        .subscribe(() => void this.router.navigateByUrl('/templates'));
    });
  }

  /** Turns the cart's lines into a quote request; the cart itself stays as it is. */
  requestQuote(cart: Cart): void {
    openRequestQuote(this.dialog, { lines: cart.lines, source: 'your cart' }).subscribe((quote) => {
      if (!quote) return;
      this.snackBar.open(`Quote ${quote.number} requested; your cart is unchanged`, 'Dismiss', {
        duration: 6000,
      });
      void this.router.navigate(['/quotes', quote.id]);
    });
  }

  errorFor(productId: string): LineError | undefined {
    return this.lineErrors().get(productId);
  }

  private mark(productId: string, busy: boolean): void {
    this.saving.update((set) => {
      const next = new Set(set);
      if (busy) next.add(productId);
      else next.delete(productId);
      return next;
    });
  }

  private setError(productId: string, error: LineError): void {
    this.lineErrors.update((map) => new Map(map).set(productId, error));
  }

  private clearError(productId: string): void {
    if (!this.lineErrors().has(productId)) return;
    this.lineErrors.update((map) => {
      const next = new Map(map);
      next.delete(productId);
      return next;
    });
  }
}
