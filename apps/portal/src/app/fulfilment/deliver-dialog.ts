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
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Order, Shipment } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { problemMessage, toProblem } from '../shared/problem';
import { FulfilmentApi } from './fulfilment-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

export interface DeliverDialogData {
  orderNumber: string;
  shipment: Shipment;
}

/** `2027-03-04T15:30` in the browser's time zone, as a datetime-local input shows it. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Records when a shipment was delivered (now by default); never in the future, never before it shipped. */
@Component({
  selector: 'tc-deliver-dialog',
  imports: [
    DisplayDateTimePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Mark delivered</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="intro">
          Order <span class="tc-mono">{{ data.orderNumber }}</span> · {{ data.shipment.carrier }}
          <span class="tc-mono">{{ data.shipment.trackingNumber }}</span>, shipped
          {{ data.shipment.shippedAt | displayDateTime }}
        </p>
        <mat-form-field class="when">
          <mat-label>Delivered at</mat-label>
          <input
            matInput
            type="datetime-local"
            formControlName="deliveredAt"
            [min]="min"
            [max]="max"
            required
          />
          <mat-hint>Your local time</mat-hint>
          <mat-error>{{ error('Delivered at') }}</mat-error>
        </mat-form-field>
        @if (failure()) {
          <p class="failure" role="alert">{{ failure() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Mark delivered</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin: 0 0 12px;
    }
    .when {
      width: 100%;
    }
    .failure {
      color: var(--mat-sys-error);
    }
  `,
})
export class DeliverDialog {
  private readonly api = inject(FulfilmentApi);
  private readonly dialogRef = inject<MatDialogRef<DeliverDialog, Order>>(MatDialogRef);
  readonly data = inject<DeliverDialogData>(MAT_DIALOG_DATA);
  readonly min = localDateTime(new Date(this.data.shipment.shippedAt));
  readonly max = localDateTime(new Date());
  readonly saving = signal(false);
  readonly failure = signal('');
  readonly deliveredAt = new FormControl(localDateTime(new Date()), {
    nonNullable: true,
    validators: [Validators.required, (control) => this.inRange(control)],
  });
  readonly form = new FormGroup({ deliveredAt: this.deliveredAt });

  error(label: string): string {
    const control = this.deliveredAt;
    if (control.hasError('future')) return 'Cannot be in the future';
    if (control.hasError('beforeShipped')) return 'Cannot be before the shipment left';
    return fieldError(control, label);
  }

  save(): void {
    if (this.deliveredAt.invalid || this.saving()) {
      this.deliveredAt.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.failure.set('');
    this.api.deliver(this.data.shipment.id, this.instant().toISOString()).subscribe({
      next: (order) => this.dialogRef.close(order),
      error: (error: unknown) => {
        this.saving.set(false);
        this.failure.set(problemMessage(toProblem(error)));
      },
    });
  }

  /** The chosen minute; "now" (this minute) means the current instant, so it is never after the server's clock. */
  private instant(): Date {
    const chosen = new Date(this.deliveredAt.value);
    const now = new Date();
    if (chosen > now) return now;
    const shipped = new Date(this.data.shipment.shippedAt);
    return chosen < shipped ? shipped : chosen;
  }

  private inRange(control: AbstractControl): ValidationErrors | null {
    const value = String(control.value ?? '');
    if (!value) return null;
    const chosen = new Date(value);
    if (Number.isNaN(chosen.getTime())) return { invalid: true };
    if (chosen.getTime() > Date.now() + 60_000) return { future: true };
    // Minutes: a shipment that left at 10:15:30 may be delivered "10:15".
    if (value < localDateTime(new Date(this.data.shipment.shippedAt))) return { beforeShipped: true };
    return null;
  }
}
