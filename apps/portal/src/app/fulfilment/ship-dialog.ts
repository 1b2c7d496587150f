import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CARRIERS, type Order, type OrderLine } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { problemMessage, toProblem } from '../shared/problem';
import { FulfilmentApi } from './fulfilment-api';
import { shippable, waiting } from './shippable';

/** At least one line ships something. */
function somethingShips(control: AbstractControl): ValidationErrors | null {
  const values = (control as FormArray<FormControl<number | null>>).getRawValue();
  return values.some((value) => (value ?? 0) > 0) ? null : { nothing: true };
}

/**
 * One shipment: per line how many units go (each defaulting to what remains
 * and is in stock for it), the carrier and its tracking number. Refusals
 * from the server (someone shipped meanwhile) land on their lines.
 */
@Component({
  selector: 'tc-ship-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Ship order {{ order.number }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="carrier-row">
          <mat-form-field>
            <mat-label>Carrier</mat-label>
            <mat-select formControlName="carrier" required>
              @for (c of carriers; track c) {
                <mat-option [value]="c">{{ c }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ fieldError(form.controls.carrier, 'Carrier') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Tracking number</mat-label>
            <input matInput formControlName="trackingNumber" autocomplete="off" required />
            <mat-error>{{ trackingError() }}</mat-error>
          </mat-form-field>
        </div>

        <table class="lines" aria-label="Units in this shipment">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="num">Left to ship</th>
              <th scope="col" class="num">In stock</th>
              <th scope="col" class="qty">Ship now</th>
            </tr>
          </thead>
          <tbody formArrayName="quantities">
            @for (line of order.lines; track line.id; let i = $index) {
              <tr>
                <td>
                  <span class="tc-mono">{{ line.sku }}</span>
                  <div class="name">{{ line.name }}</div>
                  @if (waiting(line) > 0) {
                    <div class="wait">{{ waiting(line) }} waiting for supply</div>
                  }
                </td>
                <td class="num">{{ line.quantity - line.shipped }}</td>
                <td class="num">{{ max(line) }}</td>
                <td class="qty">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>Qty</mat-label>
                    <input
                      matInput
                      type="number"
                      min="0"
                      [max]="max(line)"
                      step="1"
                      inputmode="numeric"
                      [formControlName]="i"
                      [attr.aria-label]="'Units of ' + line.sku + ' to ship'"
                    />
                    <mat-error>{{ quantityError(i, line) }}</mat-error>
                  </mat-form-field>
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (form.controls.quantities.hasError('nothing') && form.controls.quantities.touched) {
          <p class="error" role="alert">Ship at least one unit</p>
        }
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Ship {{ units() }} units</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .carrier-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 0 12px;
    }
    .lines {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: left;
        vertical-align: top;
      }
      th {
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
      }
      .num {
        text-align: right;
        padding-top: 14px;
      }
      .qty {
        width: 120px;
      }
    }
    .name {
      font: var(--mat-sys-body-small);
    }
    .wait {
      font: var(--mat-sys-label-small);
      color: #7a3300;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ShipDialog {
  private readonly api = inject(FulfilmentApi);
  private readonly dialogRef = inject<MatDialogRef<ShipDialog, Order>>(MatDialogRef);
  readonly order = inject<Order>(MAT_DIALOG_DATA);
  readonly carriers = CARRIERS;
  readonly fieldError = fieldError;
  readonly max = shippable;
  readonly waiting = waiting;
  readonly saving = signal(false);
  readonly error = signal('');

  readonly form = new FormGroup({
    carrier: new FormControl<string>('', { nonNullable: true, validators: Validators.required }),
    trackingNumber: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*[\x21-\x7e]{1,60}\s*$/)],
    }),
    quantities: new FormArray(
      this.order.lines.map((line) => {
        const max = shippable(line);
        const control = new FormControl<number | null>(max, [
          Validators.min(0),
          Validators.max(max),
          integerValidator(),
        ]);
        if (max === 0) control.disable();
        return control;
      }),
      somethingShips,
    ),
  });
  readonly units = signal(this.total());

  constructor() {
    this.form.controls.quantities.valueChanges.subscribe(() => this.units.set(this.total()));
  }

  trackingError(): string {
    const control = this.form.controls.trackingNumber;
    return control.hasError('pattern')
      ? 'Up to 60 characters, no spaces'
      : fieldError(control, 'Tracking number');
  }

  quantityError(index: number, line: OrderLine): string {
    const control = this.form.controls.quantities.at(index);
    if (control.hasError('max')) return `At most ${shippable(line)}`;
    if (control.hasError('min')) return 'At least 0';
    return fieldError(control, 'Quantity');
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const sent = this.order.lines
      .map((line, index) => ({ line, index, quantity: value.quantities[index] ?? 0 }))
      .filter((entry) => entry.quantity > 0);
    this.saving.set(true);
    this.error.set('');
    this.api
      .ship(this.order.id, {
        carrier: value.carrier,
        trackingNumber: value.trackingNumber.trim(),
        lines: sent.map((entry) => ({ orderLineId: entry.line.id, quantity: entry.quantity })),
      })
      .subscribe({
        next: (order) => this.dialogRef.close(order),
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toProblem(error);
          // Per-line refusals name the sent line: put each on its field.
          for (const { field, message } of problem.errors ?? []) {
            const match = /^lines\[(\d+)\]/.exec(field);
            const entry = match ? sent[Number(match[1])] : undefined;
            if (entry) {
              const control = this.form.controls.quantities.at(entry.index);
              control.setErrors({ server: message });
              control.markAsTouched();
            } else if (field === 'trackingNumber' || field === 'carrier') {
              this.form.controls[field].setErrors({ server: message });
            }
          }
          this.error.set(
            error instanceof HttpErrorResponse && error.status === 409
              ? (problem.detail ?? problem.title)
              : problemMessage(problem),
          );
        },
      });
  }

  private total(): number {
    return this.form.controls.quantities
      .getRawValue()
      .reduce<number>((sum, value) => sum + (Number(value) || 0), 0);
  }
}
