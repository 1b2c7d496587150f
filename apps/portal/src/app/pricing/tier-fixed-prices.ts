import { ChangeDetectionStrategy, Component, computed, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import type { FixedPrice } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { ProductPicker, type ProductRef } from '../catalog/product-picker';
import { TierEditor } from './tier-editor';

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
        <button mat-stroked-button type="submit" class="submit" [disabled]="saving()">
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
                [disabled]="saving()"
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
export class TierFixedPrices extends TierEditor {
  readonly fieldError = fieldError;
  /** Reset through the directive too, so a submitted form shows no errors once emptied. */
  private readonly formDirective = viewChild(FormGroupDirective);
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
    if (this.form.invalid || !product || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.change(
      this.api.setFixedPrice(this.tier().id, product.id, toMoneyString(unitPrice), this.etag()),
      () => {
        this.formDirective()?.resetForm();
        return `Fixed price for ${product.sku} saved`;
      },
      (error) => this.showProblem(error),
    );
  }

  remove(fixed: FixedPrice): void {
    this.change(
      this.api.deleteFixedPrice(this.tier().id, fixed.productId, this.etag()),
      () => `Fixed price for ${fixed.sku} removed`,
      (error) => this.showProblem(error),
    );
  }

  private showProblem(error: unknown): void {
    this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss', { duration: 8000 });
  }
}
