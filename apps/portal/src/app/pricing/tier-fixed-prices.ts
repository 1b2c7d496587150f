import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { FixedPrice, PriceTier } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import type { Versioned } from '../shared/versioned';
import { PricingApi } from './pricing-api';
import { ProductPicker, type ProductRef } from './product-picker';

/** Products this tier sells at a set base price instead of its discount. */
@Component({
  selector: 'tc-tier-fixed-prices',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTableModule,
    MoneyPipe,
    ProductPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="intro tc-muted">
      A fixed price replaces the tier discount as the base price; volume breaks still apply.
    </p>
    @if (!readonly()) {
      <form class="add" [formGroup]="form" (ngSubmit)="add()" novalidate aria-label="Set a fixed price">
        <tc-product-picker
          class="product"
          formControlName="product"
          [error]="form.controls.product.touched ? fieldError(form.controls.product, 'Product') : ''"
        />
        <mat-form-field class="price">
          <mat-label>Unit price</mat-label>
          <span matTextPrefix>$&nbsp;</span>
          <input matInput formControlName="unitPrice" inputmode="decimal" />
          <mat-error>{{ fieldError(form.controls.unitPrice, 'Unit price') }}</mat-error>
        </mat-form-field>
        <button mat-stroked-button type="submit" class="submit" [disabled]="busy()">
          <mat-icon svgIcon="add" />Set fixed price
        </button>
      </form>
    }
    @if (tier().fixedPrices.length === 0) {
      <p class="intro">No fixed prices.</p>
    } @else {
      <div class="tc-table-scroll">
        <table mat-table [dataSource]="tier().fixedPrices" class="tc-table" aria-label="Fixed prices">
          <ng-container matColumnDef="sku">
            <th mat-header-cell *matHeaderCellDef>SKU</th>
            <td mat-cell *matCellDef="let f" class="tc-mono">{{ f.sku }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Product</th>
            <td mat-cell *matCellDef="let f">{{ f.productName }}</td>
          </ng-container>
          <ng-container matColumnDef="list">
            <th mat-header-cell *matHeaderCellDef class="tc-num">List price</th>
            <td mat-cell *matCellDef="let f" class="tc-num">{{ f.listPrice | money }}</td>
          </ng-container>
          <ng-container matColumnDef="unit">
            <th mat-header-cell *matHeaderCellDef class="tc-num">Fixed price</th>
            <td mat-cell *matCellDef="let f" class="tc-num strong">{{ f.unitPrice | money }}</td>
          </ng-container>
          <ng-container matColumnDef="remove">
            <th mat-header-cell *matHeaderCellDef><span class="tc-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let f" class="tc-num">
              <button
                mat-icon-button
                type="button"
                [disabled]="busy()"
                (click)="remove(f)"
                [attr.aria-label]="'Remove fixed price for ' + f.sku"
              >
                <mat-icon svgIcon="close" />
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let f; columns: columns()"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    .intro {
      margin: 8px 20px 12px;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
      padding: 0 20px 8px;
    }
    .product {
      flex: 1 1 280px;
    }
    .price {
      flex: 0 1 180px;
    }
    .submit {
      margin-top: 8px;
    }
    .strong {
      font-weight: 600;
    }
  `,
})
export class TierFixedPrices {
  private readonly api = inject(PricingApi);
  private readonly snackBar = inject(MatSnackBar);
  readonly tier = input.required<PriceTier>();
  readonly etag = input<string | null>(null);
  readonly readonly = input(false);
  readonly saved = output<Versioned<PriceTier>>();
  readonly stale = output();

  readonly fieldError = fieldError;
  readonly busy = signal(false);
  readonly columns = computed(() => ['sku', 'name', 'list', 'unit', ...(this.readonly() ? [] : ['remove'])]);
  readonly form = new FormGroup({
    product: new FormControl<ProductRef | null>(null, Validators.required),
    unitPrice: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, moneyValidator()],
    }),
  });

  add(): void {
    const { product, unitPrice } = this.form.getRawValue();
    if (this.form.invalid || !product || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.run(
      this.api.setFixedPrice(this.tier().id, product.id, toMoneyString(unitPrice), this.etag()),
      () => {
        this.form.reset();
        return `Fixed price for ${product.sku} saved`;
      },
    );
  }

  remove(fixed: FixedPrice): void {
    this.run(
      this.api.deleteFixedPrice(this.tier().id, fixed.productId, this.etag()),
      () => `Fixed price for ${fixed.sku} removed`,
    );
  }

  private run(request: ReturnType<PricingApi['setFixedPrice']>, done: () => string): void {
    this.busy.set(true);
    request.subscribe({
      next: (result) => {
        this.busy.set(false);
        this.snackBar.open(done(), 'Dismiss');
        this.saved.emit(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) this.stale.emit();
        else this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss', { duration: 8000 });
      },
    });
  }
}
