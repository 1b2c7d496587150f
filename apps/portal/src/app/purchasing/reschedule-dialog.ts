import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PurchaseOrder, PurchaseOrderLine } from '@tradecounter/contracts';
import { displayDate } from '../shared/date-format';
import { problemMessage, toProblem } from '../shared/problem';
import { PurchasingApi } from './purchasing-api';

export interface RescheduleDialogData {
  order: PurchaseOrder;
  line: PurchaseOrderLine;
}

/** Moves a sent line's expected date; orders promised from it move with it. */
@Component({
  selector: 'tc-reschedule-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Move {{ data.line.sku }}'s expected date</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="message">
          Expected {{ current }}.
          @if (data.line.allocated) {
            {{ data.line.allocated }} of its units are promised to orders: their promises move too.
          }
        </p>
        <mat-form-field class="wide">
          <mat-label>New expected date</mat-label>
          <input matInput type="date" formControlName="expectedDate" required cdkFocusInitial />
          <mat-error>Choose the date the supplier now gives</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Reason (optional)</mat-label>
          <input matInput formControlName="reason" maxlength="500" />
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="working()">Move date</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .message {
      margin: 0 0 12px;
      max-width: 52ch;
    }
    .wide {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class RescheduleDialog {
  private readonly api = inject(PurchasingApi);
  private readonly dialogRef = inject<MatDialogRef<RescheduleDialog, PurchaseOrder>>(MatDialogRef);
  readonly data = inject<RescheduleDialogData>(MAT_DIALOG_DATA);
  readonly current = displayDate(this.data.line.expectedDate);
  readonly form = new FormGroup({
    expectedDate: new FormControl(this.data.line.expectedDate, {
      nonNullable: true,
      validators: [Validators.required],
    }),
    reason: new FormControl('', { nonNullable: true }),
  });
  readonly working = signal(false);
  readonly error = signal('');

  confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { expectedDate, reason } = this.form.getRawValue();
    this.working.set(true);
    this.api
      .reschedule(this.data.order.id, this.data.line.id, {
        expectedDate,
        reason: reason.trim() || undefined,
      })
      .subscribe({
        next: (order) => this.dialogRef.close(order),
        error: (error: unknown) => {
          this.working.set(false);
          this.error.set(problemMessage(toProblem(error)));
        },
      });
  }
}
