import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  model,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import { quantityProblem } from '@tradecounter/domain';
import { packHint, packQuantityMessage } from '../shared/pack-quantity';
import { problemMessage, toProblem } from '../shared/problem';
import { CartApi } from './cart-api';

/** What a product needs to be put in the cart. */
export interface CartableProduct {
  sku: string;
  name: string;
  minOrderQty: number;
  orderMultiple: number;
}

/**
 * A quantity (starting at the minimum, stepping by the pack size) and an
 * "Add to cart" button. The pack rules are checked as the buyer types; the
 * API has the last word and its reason is shown as it is.
 */
@Component({
  selector: 'tc-add-to-cart',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTooltipModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Inside a clickable catalog row: clicks and keys here must not open the product. -->
    <div
      class="add"
      tabindex="-1"
      [class.compact]="compact()"
      (click)="$event.stopPropagation()"
      (keydown)="$event.stopPropagation()"
    >
      <mat-form-field class="qty">
        @if (!compact()) {
          <mat-label>Qty</mat-label>
        }
        <input
          matInput
          type="number"
          inputmode="numeric"
          [min]="product().minOrderQty"
          [step]="product().orderMultiple"
          [ngModel]="current()"
          (ngModelChange)="typedQuantity($event)"
          (keydown.enter)="add()"
          [attr.aria-label]="'Units of ' + product().sku + ' to add'"
          [attr.aria-invalid]="!!problem()"
          [attr.aria-describedby]="hintId"
        />
        @if (!compact()) {
          <mat-hint [id]="hintId" [class.bad]="!!problem()">{{ problem() || packHint() }}</mat-hint>
        }
      </mat-form-field>
      @if (compact()) {
        <button
          mat-icon-button
          type="button"
          class="cart-button"
          [disabled]="working()"
          (click)="add()"
          [matTooltip]="problem() || packHint() || 'Add to cart'"
          [attr.aria-label]="'Add ' + product().sku + ' to cart'"
        >
          <mat-icon svgIcon="shopping_cart" />
        </button>
      } @else {
        <button
          mat-flat-button
          type="button"
          [disabled]="working()"
          (click)="add()"
          [attr.aria-label]="'Add to cart: ' + product().sku"
        >
          <mat-icon svgIcon="shopping_cart" />Add to cart
        </button>
      }
    </div>
    @if (compact()) {
      <div class="small" [class.bad]="!!problem()" [id]="hintId" [attr.role]="problem() ? 'alert' : null">
        {{ problem() || packHint() }}
      </div>
    }
  `,
  styles: `
    .add {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .qty {
      width: 110px;
    }
    .compact {
      gap: 2px;
    }
    .compact .qty {
      width: 60px;
      --mat-form-field-container-height: 36px;
      --mat-form-field-container-vertical-padding: 6px;
    }
    .cart-button {
      color: var(--mat-sys-primary);
      --mat-icon-button-state-layer-size: 36px;
      width: 36px;
      height: 36px;
      padding: 6px;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .small {
      font: var(--mat-sys-body-small);
      max-width: 140px;
      color: var(--mat-sys-on-surface-variant);
    }
    .small.bad {
      color: var(--mat-sys-error);
    }
  `,
})
export class AddToCart {
  private static nextId = 0;
  private readonly api = inject(CartApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  readonly product = input.required<CartableProduct>();
  /** Table cells: a narrower field and a short label. */
  readonly compact = input(false);
  /** The quantity first offered ("order again": the last one bought); the minimum when not given. */
  readonly startQuantity = input<number | null>(null);
  readonly hintId = `add-to-cart-${AddToCart.nextId++}`;

  /**
   * The quantity to add. A page may bind it (`[(quantity)]`) so that its
   * price and promise follow the same number; unbound, it starts at the
   * product's minimum.
   */
  readonly quantity = model<number | string | null | undefined>(undefined);
  readonly current = linkedSignal<number | string | null>(
    () => this.quantity() ?? this.startQuantity() ?? this.product().minOrderQty,
  );
  readonly working = signal(false);
  private readonly serverProblem = signal('');

  readonly packHint = computed(() => packHint(this.product()));
  readonly problem = computed(
    () => packQuantityMessage(this.typed(), this.product()) || this.serverProblem(),
  );

  typedQuantity(value: number | string | null): void {
    this.current.set(value);
    this.serverProblem.set('');
    this.quantity.set(value);
  }

  private typed(): number | null {
    const value = this.current();
    if (value === null || value === '') return null;
    return typeof value === 'number' ? value : Number(value);
  }

  add(): void {
    const quantity = this.typed();
    const product = this.product();
    if (this.working()) return;
    if (quantityProblem(quantity, product)) return;
    this.working.set(true);
    this.serverProblem.set('');
    this.api.addLines([{ sku: product.sku, quantity: quantity ?? 0 }]).subscribe({
      next: (result) => {
        this.working.set(false);
        const row = result.rows[0];
        if (row?.status === 'error') {
          this.serverProblem.set(row.reason ?? 'Could not be added');
          return;
        }
        this.snackBar
          .open(`${quantity} × ${product.sku} added to your cart`, 'View cart')
          .onAction()
          .subscribe(() => void this.router.navigateByUrl('/cart'));
      },
      error: (error: unknown) => {
        this.working.set(false);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
      },
    });
  }
}
