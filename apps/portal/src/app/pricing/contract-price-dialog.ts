import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ContractPrice } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText, toProblem } from '../shared/problem';
import { isoDate, parseIsoDate, withReadableDates } from './price-labels';
import { PricingApi } from './pricing-api';
import { ProductPicker, type ProductRef } from '../catalog/product-picker';

export interface ContractPriceDialogData {
  accountId: string;
  /** null: add a new window. */
  price: ContractPrice | null;
}

/** validTo, when set, may not be before validFrom. */
function windowOrder(group: AbstractControl): ValidationErrors | null {
  const from = group.get('validFrom')?.value as Date | null;
  const toControl = group.get('validTo');
  const to = toControl?.value as Date | null;
  const reversed = !!from && !!to && isoDate(to) < isoDate(from);
  if (toControl) {
    const { order: _order, ...others } = toControl.errors ?? {};
    const errors = reversed ? { ...others, order: true } : others;
    toControl.setErrors(Object.keys(errors).length ? errors : null, { emitEvent: false });
  }
  return reversed ? { order: true } : null;
}

/** Adds or edits one contract price window; answers the account's whole list. */
@Component({
  selector: 'tc-contract-price-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProductPicker,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.price ? 'Edit contract price' : 'Add contract price' }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (conflict()) {
          <p class="conflict" role="alert"><strong>Overlapping window.</strong> {{ conflict() }}</p>
        }
        <div class="tc-form">
          @if (data.price; as p) {
            <p class="tc-span-all fixed-product">
              <span class="sku">{{ p.sku }}</span> {{ p.productName }}
            </p>
          } @else {
            <tc-product-picker
              class="tc-span-all"
              formControlName="product"
              [error]="form.controls.product.touched ? fieldError(form.controls.product, 'Product') : ''"
            />
          }
          <mat-form-field>
            <mat-label>Unit price</mat-label>
            <span matTextPrefix>$&nbsp;</span>
            <input matInput formControlName="unitPrice" inputmode="decimal" required />
            <mat-error>{{ fieldError(form.controls.unitPrice, 'Unit price') }}</mat-error>
          </mat-form-field>
          <span></span>
          <mat-form-field>
            <mat-label>Valid from</mat-label>
            <input matInput [matDatepicker]="fromPicker" formControlName="validFrom" required />
            <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
            <mat-datepicker #fromPicker />
            @if (data.price) {
              <mat-hint>Remove and re-add the window to move its start.</mat-hint>
            }
            <mat-error>{{ fieldError(form.controls.validFrom, 'Valid from') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Valid to (optional)</mat-label>
            <input
              matInput
              [matDatepicker]="toPicker"
              formControlName="validTo"
              [min]="form.controls.validFrom.value"
            />
            <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
            <mat-datepicker #toPicker />
            <mat-hint>Empty: open-ended</mat-hint>
            <mat-error>{{
              form.controls.validTo.hasError('order')
                ? 'Must be on or after the start date'
                : fieldError(form.controls.validTo, 'Valid to')
            }}</mat-error>
          </mat-form-field>
        </div>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Save contract price</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .conflict {
      margin: 0 0 12px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .form-error {
      color: var(--mat-sys-error);
    }
    .fixed-product {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
    .sku {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
    }
  `,
})
export class ContractPriceDialog {
  private readonly api = inject(PricingApi);
  private readonly ref = inject<MatDialogRef<ContractPriceDialog, ContractPrice[]>>(MatDialogRef);
  readonly data = inject<ContractPriceDialogData>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly conflict = signal('');

  readonly form = new FormGroup(
    {
      product: new FormControl<ProductRef | null>(
        this.data.price
          ? { id: this.data.price.productId, sku: this.data.price.sku, name: this.data.price.productName }
          : null,
        Validators.required,
      ),
      unitPrice: new FormControl(this.data.price?.unitPrice ?? '', {
        nonNullable: true,
        validators: [Validators.required, moneyValidator()],
      }),
      validFrom: new FormControl<Date | null>(
        this.data.price ? parseIsoDate(this.data.price.validFrom) : new Date(),
        Validators.required,
      ),
      validTo: new FormControl<Date | null>(
        this.data.price?.validTo ? parseIsoDate(this.data.price.validTo) : null,
      ),
    },
    { validators: windowOrder },
  );

  constructor() {
    // The window is identified by its start: editing keeps it.
    if (this.data.price) this.form.controls.validFrom.disable();
  }

  save(): void {
    const { product, unitPrice, validFrom, validTo } = this.form.getRawValue();
    if (this.form.invalid || !product || !validFrom || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    this.conflict.set('');
    this.api
      .setContractPrice(this.data.accountId, product.id, {
        unitPrice: toMoneyString(unitPrice),
        validFrom: isoDate(validFrom),
        validTo: validTo ? isoDate(validTo) : null,
      })
      .subscribe({
        next: (prices) => this.ref.close(prices),
        error: (error: unknown) => {
          this.saving.set(false);
          if (error instanceof HttpErrorResponse && error.status === 409) {
            const problem = toProblem(error);
            this.conflict.set(withReadableDates(problem.detail ?? problem.title));
          }
          this.formError.set(formProblemText(error, this.form));
        },
      });
  }
}
