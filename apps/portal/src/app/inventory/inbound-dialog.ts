import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { Inbound, UpdateInboundRequest, Warehouse } from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { dateFromIso, localIsoDate } from '../availability/promise-dates';
import { ProductPicker, type ProductRef } from '../catalog/product-picker';
import { fieldError } from '../shared/form-errors';
import { displayDate } from '../shared/date-format';
import { integerValidator } from '../shared/integer-validator';
import { formProblemText, toProblem } from '../shared/problem';
import { InventoryApi } from './inventory-api';

export interface InboundDialogData {
  /** null to add a receipt. */
  inbound: Inbound | null;
  warehouses: Warehouse[];
  /** Preselected for a new receipt. */
  warehouseCode: string;
}

/** Adds an expected receipt, or changes the quantity and date of one; closes with the saved receipt. */
@Component({
  selector: 'tc-inbound-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProductPicker,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ existing ? 'Change inbound receipt' : 'Add inbound receipt' }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (conflict()) {
          <div class="conflict" role="alert">
            <mat-icon svgIcon="error" aria-hidden="true" />
            <span>{{ conflict() }}</span>
          </div>
        }
        <div class="tc-form">
          @if (existing; as i) {
            <p class="tc-span-all fixed">
              <span class="sku">{{ i.sku }}</span> {{ i.name }}
              <span class="tc-muted">· warehouse {{ i.warehouseCode }}</span>
            </p>
          } @else {
            <tc-product-picker
              class="tc-span-all"
              formControlName="product"
              [error]="form.controls.product.touched ? fieldError(form.controls.product, 'Product') : ''"
            />
            <mat-form-field>
              <mat-label>Warehouse</mat-label>
              <mat-select formControlName="warehouseCode" required>
                @for (w of data.warehouses; track w.code) {
                  <mat-option [value]="w.code">{{ w.code }} — {{ w.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ fieldError(form.controls.warehouseCode, 'Warehouse') }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>Quantity</mat-label>
            <input
              matInput
              type="number"
              min="1"
              step="1"
              inputmode="numeric"
              formControlName="qty"
              required
            />
            @if (existing && existing.allocated > 0) {
              <mat-hint>{{ existing.allocated }} already promised to orders</mat-hint>
            }
            <mat-error>{{ fieldError(form.controls.qty, 'Quantity') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Expected date</mat-label>
            <input
              matInput
              [matDatepicker]="picker"
              formControlName="expectedDate"
              [min]="existing ? null : today"
              required
            />
            <mat-datepicker-toggle matIconSuffix [for]="picker" />
            <mat-datepicker #picker />
            <mat-hint>When it should arrive at the warehouse</mat-hint>
            <mat-error>{{
              form.controls.expectedDate.hasError('matDatepickerMin')
                ? 'Expected date cannot be in the past'
                : form.controls.expectedDate.hasError('matDatepickerParse')
                  ? 'Enter a date like ' + todayText
                  : fieldError(form.controls.expectedDate, 'Expected date')
            }}</mat-error>
          </mat-form-field>
        </div>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : existing ? 'Save changes' : 'Add receipt' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fixed {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
    .sku {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
    }
    .conflict {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 0 0 12px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      mat-icon {
        flex: 0 0 auto;
      }
    }
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class InboundDialog {
  private readonly api = inject(InventoryApi);
  private readonly dialogRef = inject<MatDialogRef<InboundDialog, Inbound>>(MatDialogRef);
  readonly data = inject<InboundDialogData>(MAT_DIALOG_DATA);
  readonly existing = this.data.inbound;
  readonly fieldError = fieldError;
  readonly today = dateFromIso(localIsoDate());
  readonly todayText = displayDate(localIsoDate());
  readonly saving = signal(false);
  readonly conflict = signal('');
  readonly formError = signal('');

  readonly form = new FormGroup({
    product: new FormControl<ProductRef | null>(null, this.existing ? [] : [Validators.required]),
    warehouseCode: new FormControl(this.data.warehouseCode, {
      nonNullable: true,
      validators: Validators.required,
    }),
    qty: new FormControl<number | null>(this.existing?.qty ?? null, [
      Validators.required,
      Validators.min(Math.max(1, this.existing?.allocated ?? 0)),
      Validators.max(1_000_000_000),
      integerValidator(),
    ]),
    expectedDate: new FormControl<Date | null>(
      this.existing ? dateFromIso(this.existing.expectedDate) : null,
      Validators.required,
    ),
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const request = this.request();
    if (!request) {
      this.dialogRef.close();
      return;
    }
    this.saving.set(true);
    this.conflict.set('');
    this.formError.set('');
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          const problem = toProblem(error);
          this.conflict.set(problem.detail ?? problem.title);
        } else {
          this.formError.set(formProblemText(error, this.form));
        }
      },
    });
  }

  /** The create or the change to send; null when nothing changed. */
  private request(): Observable<Inbound> | null {
    const value = this.form.getRawValue();
    const qty = Number(value.qty);
    const expectedDate = value.expectedDate ? localIsoDate(value.expectedDate) : '';
    if (!this.existing) {
      return this.api.createInbound({
        productId: value.product?.id ?? '',
        warehouseCode: value.warehouseCode,
        qty,
        expectedDate,
      });
    }
    const changes: UpdateInboundRequest = {};
    if (qty !== this.existing.qty) changes.qty = qty;
    if (expectedDate !== this.existing.expectedDate) changes.expectedDate = expectedDate;
    return Object.keys(changes).length ? this.api.updateInbound(this.existing, changes) : null;
  }
}
