import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SetStockRequest, StockLevel } from '@tradecounter/contracts';
import { BIN_RULE, binValidator } from '../shared/bin-validator';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { problemMessage, toProblem } from '../shared/problem';
import { InventoryApi } from './inventory-api';

export interface StockEditData {
  level: StockLevel;
}

/** Sets the counted on-hand quantity and the bin of one product in one warehouse; closes with the new level. */
@Component({
  selector: 'tc-stock-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Edit stock</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="product">
          <span class="sku">{{ level.sku }}</span> {{ level.name }}
          <span class="tc-muted">· warehouse {{ level.warehouseCode }}</span>
        </p>
        <dl class="now">
          <div>
            <dt>On hand now</dt>
            <dd>{{ level.onHand }}</dd>
          </div>
          <div>
            <dt>Reserved for orders</dt>
            <dd>{{ level.reserved }}</dd>
          </div>
          <div>
            <dt>Available</dt>
            <dd>{{ level.available }}</dd>
          </div>
        </dl>
        @if (conflict()) {
          <div class="conflict" role="alert">
            <mat-icon svgIcon="error" aria-hidden="true" />
            <span>{{ conflict() }}</span>
          </div>
        }
        <mat-form-field class="field">
          <mat-label>New on hand</mat-label>
          <input
            matInput
            type="number"
            min="0"
            step="1"
            inputmode="numeric"
            formControlName="onHand"
            required
            cdkFocusInitial
          />
          <mat-hint>The counted quantity on the shelves, reserved units included</mat-hint>
          <mat-error>{{ fieldError(onHand, 'On hand') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="field">
          <mat-label>Bin</mat-label>
          <input matInput formControlName="bin" autocomplete="off" spellcheck="false" />
          <mat-hint>{{ binRule }}; blank for none</mat-hint>
          <mat-error>{{ fieldError(bin, 'Bin') }}</mat-error>
        </mat-form-field>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
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
    .product {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
    .sku {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
    }
    .now {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 32px;
      margin: 0 0 16px;
      dt {
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-title-medium);
        font-variant-numeric: tabular-nums;
      }
    }
    .field {
      width: 100%;
    }
    .field + .field {
      margin-top: 12px;
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
export class StockEditDialog {
  private readonly api = inject(InventoryApi);
  private readonly dialogRef = inject<MatDialogRef<StockEditDialog, StockLevel>>(MatDialogRef);
  readonly level = inject<StockEditData>(MAT_DIALOG_DATA).level;
  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly conflict = signal('');
  readonly formError = signal('');
  readonly onHand = new FormControl<number | null>(this.level.onHand, [
    Validators.required,
    Validators.min(0),
    Validators.max(1_000_000_000),
    integerValidator(),
  ]);
  readonly binRule = BIN_RULE;
  readonly bin = new FormControl<string>(this.level.bin ?? '', {
    nonNullable: true,
    validators: [binValidator()],
  });
  readonly form = new FormGroup({ onHand: this.onHand, bin: this.bin });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const body = this.changes();
    if (!Object.keys(body).length) {
      this.dialogRef.close();
      return;
    }
    this.saving.set(true);
    this.conflict.set('');
    this.formError.set('');
    this.api.setStock(this.level.productId, this.level.warehouseCode, body).subscribe({
      next: (level) => this.dialogRef.close(level),
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toProblem(error);
        const fieldMessage = problem.errors?.find((e) => e.field === 'onHand')?.message;
        const binMessage = problem.errors?.find((e) => e.field === 'bin')?.message;
        if (error instanceof HttpErrorResponse && error.status === 409) {
          // Below what orders already hold: say why on the dialog, and mark the field.
          this.conflict.set(problem.detail ?? problem.title);
          this.onHand.setErrors({ server: fieldMessage ?? 'cannot go below the units reserved for orders' });
          this.onHand.markAsTouched();
        } else if (fieldMessage || binMessage) {
          if (fieldMessage) this.onHand.setErrors({ server: fieldMessage });
          if (binMessage) this.bin.setErrors({ server: binMessage });
          this.form.markAllAsTouched();
        } else {
          this.formError.set(problemMessage(problem));
        }
      },
    });
  }

  /** Only what changed: an unchanged on-hand is not sent, so it cannot clash with a reservation made since. */
  private changes(): SetStockRequest {
    const body: SetStockRequest = {};
    const onHand = Number(this.onHand.value);
    if (onHand !== this.level.onHand) body.onHand = onHand;
    const bin = this.bin.value.trim().toUpperCase();
    if (bin !== (this.level.bin ?? '')) body.bin = bin || null;
    return body;
  }
}
