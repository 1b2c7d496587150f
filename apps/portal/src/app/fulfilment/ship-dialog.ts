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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CARRIERS, type Order, type OrderLine } from '@tradecounter/contracts';
import { describeShipCompleteRefusal, shipCompleteRefusal } from '@tradecounter/domain';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { problemMessage, toProblem } from '../shared/problem';
import { FulfilmentApi } from './fulfilment-api';
import { shippable, waiting } from './shippable';

/** A reason with something in it: spaces alone say nothing. */
function saysWhy(control: AbstractControl): ValidationErrors | null {
  return String(control.value ?? '').trim() ? null : { required: true };
}

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
    MatCheckboxModule,
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
        @if (order.shipComplete) {
          <p class="ship-complete" role="note">
            <mat-icon svgIcon="local_shipping" aria-hidden="true" />
            <span
              ><strong>This order ships complete: all lines in one shipment.</strong> The customer asked to
              receive it all at once.</span
            >
          </p>
        }
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
        @if (leftBehind(); as left) {
          <div class="override" role="group" aria-label="Ship part of a ship-complete order">
            <p class="warn">{{ left }}.</p>
            <mat-checkbox formControlName="override">Ship part anyway (override ship complete)</mat-checkbox>
            @if (form.controls.overrideReason.enabled) {
              <mat-form-field class="reason">
                <mat-label>Reason for shipping part</mat-label>
                <textarea
                  matInput
                  formControlName="overrideReason"
                  rows="2"
                  maxlength="500"
                  required
                ></textarea>
                <mat-hint>Kept in the order history with your name</mat-hint>
                <mat-error>{{ fieldError(form.controls.overrideReason, 'A reason') }}</mat-error>
              </mat-form-field>
            }
          </div>
        }
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
    .ship-complete {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 0 0 12px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-body-medium);
    }
    .override {
      margin-top: 12px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .warn {
      margin: 0 0 4px;
      color: #7a3300;
    }
    .reason {
      width: 100%;
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
    override: new FormControl(false, { nonNullable: true }),
    overrideReason: new FormControl(
      { value: '', disabled: true },
      { nonNullable: true, validators: saysWhy },
    ),
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
  /** What the quantities as typed would leave behind of a ship-complete order, in words; '' when nothing. */
  readonly leftBehind = signal(this.describeLeft());

  constructor() {
    this.form.controls.quantities.valueChanges.subscribe(() => {
      this.units.set(this.total());
      this.leftBehind.set(this.describeLeft());
      this.syncReason();
    });
    this.form.controls.override.valueChanges.subscribe(() => this.syncReason());
  }

  /** The reason is asked for, and required, only while a partial shipment overrides ship complete. */
  private syncReason(): void {
    const reason = this.form.controls.overrideReason;
    const needed = this.leftBehind() !== '' && this.form.controls.override.value;
    if (needed && reason.disabled) reason.enable({ emitEvent: false });
    if (!needed && reason.enabled) reason.disable({ emitEvent: false });
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
    this.error.set('');
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.leftBehind() && !this.form.controls.override.value) {
      this.error.set('This order ships complete: ship everything that remains, or override with a reason.');
      return;
    }
    const value = this.form.getRawValue();
    const sent = this.order.lines
      .map((line, index) => ({ line, index, quantity: value.quantities[index] ?? 0 }))
      .filter((entry) => entry.quantity > 0);
    this.saving.set(true);
    this.error.set('');
    const overriding = this.leftBehind() !== '' && value.override;
    this.api
      .ship(this.order.id, {
        carrier: value.carrier,
        trackingNumber: value.trackingNumber.trim(),
        lines: sent.map((entry) => ({ orderLineId: entry.line.id, quantity: entry.quantity })),
        ...(overriding ? { overrideShipComplete: { reason: value.overrideReason.trim() } } : {}),
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

  private describeLeft(): string {
    const quantities = this.form.controls.quantities.getRawValue();
    const refusal = shipCompleteRefusal(
      this.order.shipComplete,
      this.order.lines,
      this.order.lines.map((line, index) => ({
        orderLineId: line.id,
        quantity: Math.max(0, Number(quantities[index]) || 0),
      })),
    );
    return refusal ? describeShipCompleteRefusal(refusal) : '';
  }

  private total(): number {
    return this.form.controls.quantities
      .getRawValue()
      .reduce<number>((sum, value) => sum + (Number(value) || 0), 0);
  }
}
