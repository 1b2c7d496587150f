import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Order, Wave, WaveLine, WaveLineAllocation } from '@tradecounter/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { OrderLinePromise } from '../orders/order-line-promise';
import { OrdersApi } from '../orders/orders-api';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { formProblemText } from '../shared/problem';
import { FulfilmentApi } from './fulfilment-api';

export interface ShortPickData {
  wave: Wave;
  line: WaveLine;
  allocation: WaveLineAllocation;
}

/**
 * Records that a bin held less than the system said, for one order's units of
 * a wave line; then shows what that did: the order line's new promise.
 * Closes with the wave as it now stands.
 */
@Component({
  selector: 'tc-short-pick-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    OrderLinePromise,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Short pick · {{ data.line.sku }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    @if (result(); as r) {
      <mat-dialog-content>
        <p role="status" class="done">
          Recorded {{ r.missing }} {{ r.missing === 1 ? 'unit' : 'units' }} short for
          {{ data.allocation.orderNumber }}; on hand at {{ data.wave.warehouseCode }} was lowered.
        </p>
        @if (r.order; as order) {
          @if (orderLine(); as line) {
            <div class="promise">
              <span class="label">{{ line.sku }} for {{ data.allocation.orderNumber }} is now promised</span>
              <tc-order-line-promise [order]="order" [line]="line" />
            </div>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" (click)="close()" cdkFocusInitial>Done</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <p class="what">
            {{ data.line.name }} from bin <strong>{{ data.line.bin ?? 'no bin' }}</strong> for
            <span class="tc-mono">{{ data.allocation.orderNumber }}</span>: {{ data.allocation.quantity }} to
            pick.
          </p>
          <div class="tc-form">
            <mat-form-field>
              <mat-label>Units missing</mat-label>
              <input
                matInput
                type="number"
                min="1"
                [max]="max"
                step="1"
                formControlName="quantity"
                required
              />
              <mat-hint>At most {{ max }}</mat-hint>
              <mat-error>{{ quantityError() }}</mat-error>
            </mat-form-field>
            <mat-form-field class="tc-span-all">
              <mat-label>Reason</mat-label>
              <input matInput formControlName="reason" required placeholder="Bin empty, damaged…" />
              <mat-error>{{ fieldError(form.controls.reason, 'Reason') }}</mat-error>
            </mat-form-field>
          </div>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="saving()">Record short pick</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .what {
      margin: 0 0 12px;
    }
    .done {
      margin: 0 0 12px;
    }
    .promise .label {
      display: block;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ShortPickDialog {
  private readonly api = inject(FulfilmentApi);
  private readonly orders = inject(OrdersApi);
  private readonly dialogRef = inject<MatDialogRef<ShortPickDialog, Wave>>(MatDialogRef);
  readonly data = inject<ShortPickData>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  /** Units of this allocation not yet reported short. */
  readonly max = Math.max(this.data.allocation.quantity - this.data.allocation.short, 1);
  readonly saving = signal(false);
  readonly error = signal('');
  readonly result = signal<{ missing: number; wave: Wave; order: Order | null } | null>(null);
  readonly orderLine = computed(() =>
    this.result()?.order?.lines.find((line) => line.id === this.data.allocation.orderLineId),
  );
  readonly form = new FormGroup({
    quantity: new FormControl(1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(this.max), integerValidator()],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
  });

  quantityError(): string {
    const control = this.form.controls.quantity;
    return control.hasError('max') ? `At most ${this.max} units` : fieldError(control, 'Units missing');
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const missing = Number(this.form.controls.quantity.value);
    this.saving.set(true);
    this.error.set('');
    this.api
      .shortPick(this.data.wave.id, {
        orderLineId: this.data.allocation.orderLineId,
        quantity: missing,
        reason: this.form.controls.reason.value.trim(),
      })
      .pipe(
        switchMap((wave) =>
          // The order as re-promised, to show; the short is recorded even if it cannot be read.
          this.orders.get(this.data.allocation.orderId).pipe(
            catchError(() => of(null)),
            map((order) => ({ missing, wave, order })),
          ),
        ),
      )
      .subscribe({
        next: (result) => {
          this.saving.set(false);
          this.result.set(result);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(formProblemText(error, this.form));
        },
      });
  }

  close(): void {
    this.dialogRef.close(this.result()?.wave);
  }
}
