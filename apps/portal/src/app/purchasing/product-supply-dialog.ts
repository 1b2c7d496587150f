import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  DEFAULT_REVIEW_DAYS,
  DEFAULT_SAFETY_DAYS,
  type ProductSupply,
  type Supplier,
} from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText } from '../shared/problem';
import { PurchasingApi } from './purchasing-api';

export interface ProductSupplyDialogData {
  productId: string;
  sku: string;
  supply: ProductSupply | null;
}

/** A product's purchasing facts (admin): supplier, their SKU, cost, pack, safety and review days. */
@Component({
  selector: 'tc-product-supply-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Purchasing facts of {{ data.sku }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="tc-form">
          <mat-form-field class="tc-span-all">
            <mat-label>Supplier</mat-label>
            <mat-select formControlName="supplierCode" required>
              @for (s of suppliers(); track s.code) {
                <mat-option [value]="s.code">{{ s.name }} ({{ s.code }})</mat-option>
              }
            </mat-select>
            <mat-error>{{ fieldError(form.controls.supplierCode, 'Supplier') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Supplier SKU</mat-label>
            <input matInput formControlName="supplierSku" maxlength="64" required />
            <mat-error>{{ fieldError(form.controls.supplierSku, 'Supplier SKU') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Unit cost</mat-label>
            <input matInput inputmode="decimal" formControlName="unitCost" required />
            <mat-error>Enter an amount like 12.50</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Pack size</mat-label>
            <input matInput type="number" min="1" step="1" formControlName="packSize" required />
            <mat-hint>Orders are rounded up to it</mat-hint>
            <mat-error>{{ fieldError(form.controls.packSize, 'Pack size') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Safety days</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="safetyDays" required />
            <mat-error>{{ fieldError(form.controls.safetyDays, 'Safety days') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Review days</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="reviewDays" required />
            <mat-error>{{ fieldError(form.controls.reviewDays, 'Review days') }}</mat-error>
          </mat-form-field>
        </div>
        @if (formError()) {
          <p class="error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Save' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ProductSupplyDialog {
  private readonly api = inject(PurchasingApi);
  private readonly dialogRef = inject<MatDialogRef<ProductSupplyDialog, ProductSupply>>(MatDialogRef);
  readonly data = inject<ProductSupplyDialogData>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  readonly suppliers = toSignal(this.api.suppliers().pipe(catchError(() => of<Supplier[]>([]))), {
    initialValue: [],
  });
  readonly saving = signal(false);
  readonly formError = signal('');
  private readonly days = [Validators.required, Validators.min(0), Validators.max(365), integerValidator()];
  readonly form = new FormGroup({
    supplierCode: new FormControl(this.data.supply?.supplierCode ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    supplierSku: new FormControl(this.data.supply?.supplierSku ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(64)],
    }),
    unitCost: new FormControl(this.data.supply?.unitCost ?? '', {
      nonNullable: true,
      validators: [Validators.required, moneyValidator()],
    }),
    packSize: new FormControl<number | null>(this.data.supply?.packSize ?? 1, [
      Validators.required,
      Validators.min(1),
      integerValidator(),
    ]),
    safetyDays: new FormControl<number | null>(
      this.data.supply?.safetyDays ?? DEFAULT_SAFETY_DAYS,
      this.days,
    ),
    reviewDays: new FormControl<number | null>(
      this.data.supply?.reviewDays ?? DEFAULT_REVIEW_DAYS,
      this.days,
    ),
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.formError.set('');
    this.api
      .setSupply(this.data.productId, {
        supplierCode: v.supplierCode,
        supplierSku: v.supplierSku.trim(),
        unitCost: toMoneyString(v.unitCost.trim()),
        packSize: Number(v.packSize),
        safetyDays: Number(v.safetyDays),
        reviewDays: Number(v.reviewDays),
      })
      .subscribe({
        next: (supply) => this.dialogRef.close(supply),
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(formProblemText(error, this.form));
        },
      });
  }
}
