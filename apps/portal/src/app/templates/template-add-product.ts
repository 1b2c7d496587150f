import { ChangeDetectionStrategy, Component, ElementRef, computed, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { Product } from '@tradecounter/contracts';
import { ProductPicker } from '../catalog/product-picker';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { firstOrderable, packHint, packRulesValidator } from '../shared/pack-quantity';

/** A product and quantity to add to a template. */
export interface ProductToAdd {
  product: Product;
  quantity: number;
}

/**
 * "Add a product" row of the template editor: a catalog search (SKU, name,
 * price), a quantity that starts at the product's minimum and is checked
 * against its pack rules, and Add. Enter in the quantity adds.
 */
@Component({
  selector: 'tc-template-add-product',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ProductPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="add" role="group" aria-label="Add a product" (keydown.enter)="onEnter($event)">
      <tc-product-picker class="pick" label="Add a product" [showPrice]="true" [formControl]="product" />
      <mat-form-field class="qty">
        <mat-label>Qty</mat-label>
        <input
          #qty
          matInput
          type="number"
          inputmode="numeric"
          [formControl]="quantity"
          [min]="picked()?.minOrderQty ?? 1"
          [step]="picked()?.orderMultiple ?? 1"
          aria-label="Quantity to add"
        />
        @if (hint()) {
          <mat-hint>{{ hint() }}</mat-hint>
        }
        <mat-error>{{ fieldError(quantity, 'Quantity') }}</mat-error>
      </mat-form-field>
      <button mat-stroked-button type="button" class="add-button" (click)="add()" [disabled]="!picked()">
        <mat-icon svgIcon="add" />Add
      </button>
    </div>
  `,
  styles: `
    .add {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      flex-wrap: wrap;
    }
    .pick {
      flex: 1 1 260px;
    }
    .qty {
      width: 120px;
    }
    .add-button {
      margin-top: 10px;
    }
  `,
})
export class TemplateAddProduct {
  readonly added = output<ProductToAdd>();
  readonly fieldError = fieldError;
  readonly product = new FormControl<Product | null>(null);
  readonly quantity = new FormControl<number | string>('', { nonNullable: true });
  readonly picked = toSignal(this.product.valueChanges, { initialValue: null });
  readonly hint = computed(() => {
    const product = this.picked();
    return product ? packHint(product) : '';
  });
  private readonly picker = viewChild.required(ProductPicker);
  private readonly qty = viewChild.required<ElementRef<HTMLInputElement>>('qty');

  constructor() {
    this.product.valueChanges.subscribe((product) => this.prepareQuantity(product));
  }

  /** Adds the picked product; false when its quantity is refused (the error is shown). */
  add(): boolean {
    const pending = this.pending();
    if (pending === 'invalid') return false;
    if (pending) {
      this.added.emit(pending);
      this.product.setValue(null);
      this.picker().writeValue(null);
      this.picker().focus();
    }
    return true;
  }

  /** Enter never submits the dialog from here: in the quantity it adds; in the search, the autocomplete has it. */
  onEnter(event: Event): void {
    event.preventDefault();
    if (event.target === this.qty().nativeElement) this.add();
  }

  /** What Add would add now: nothing picked, a refused quantity, or the product and quantity. */
  private pending(): ProductToAdd | 'invalid' | null {
    const product = this.product.value;
    if (!product) return null;
    this.quantity.markAsTouched();
    if (this.quantity.invalid) return 'invalid';
    return { product, quantity: Number(this.quantity.value) };
  }

  private prepareQuantity(product: Product | null): void {
    this.quantity.setValidators(
      product ? [Validators.required, integerValidator(), packRulesValidator(product)] : [],
    );
    this.quantity.setValue(product ? firstOrderable(product) : '');
    this.quantity.markAsUntouched();
    if (product) {
      // After the autocomplete has closed and handed focus back to its input.
      setTimeout(() => {
        this.qty().nativeElement.focus();
        this.qty().nativeElement.select();
      });
    }
  }
}
