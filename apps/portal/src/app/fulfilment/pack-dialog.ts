import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Order } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { problemMessage, toProblem } from '../shared/problem';
import { FulfilmentApi } from './fulfilment-api';

const MAX_PACKAGES = 50;
const WEIGHT = /^\d{1,6}(\.\d{1,3})?$/;

/** Records the parcels a picked order went into (each optionally weighed); closes with the packed order. */
@Component({
  selector: 'tc-pack-dialog',
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
    <h2 mat-dialog-title>Pack order {{ order.number }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="tc-muted intro">One row per parcel. Weights are optional, in kilograms.</p>
        <ol class="packages" formArrayName="packages">
          @for (pkg of packages.controls; track pkg; let i = $index) {
            <li [formGroupName]="i">
              <mat-form-field class="weight">
                <mat-label>Parcel {{ i + 1 }} weight (kg)</mat-label>
                <input matInput formControlName="weightKg" inputmode="decimal" autocomplete="off" />
                <mat-error>{{ weightError(i) }}</mat-error>
              </mat-form-field>
              <button
                mat-icon-button
                type="button"
                (click)="remove(i)"
                [disabled]="packages.length === 1"
                [attr.aria-label]="'Remove parcel ' + (i + 1)"
              >
                <mat-icon svgIcon="delete" />
              </button>
            </li>
          }
        </ol>
        <button mat-stroked-button type="button" (click)="add()" [disabled]="packages.length >= maxPackages">
          <mat-icon svgIcon="add" />Add parcel
        </button>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          Pack in {{ packages.length }} {{ packages.length === 1 ? 'parcel' : 'parcels' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin: 0 0 8px;
    }
    .packages {
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
      li {
        display: flex;
        align-items: flex-start;
        gap: 8px;
      }
    }
    .weight {
      flex: 1 1 auto;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PackDialog {
  private readonly api = inject(FulfilmentApi);
  private readonly dialogRef = inject<MatDialogRef<PackDialog, Order>>(MatDialogRef);
  readonly order = inject<Order>(MAT_DIALOG_DATA);
  readonly maxPackages = MAX_PACKAGES;
  readonly saving = signal(false);
  readonly error = signal('');
  readonly form = new FormGroup({ packages: new FormArray([this.parcel()]) });
  readonly packages = this.form.controls.packages;

  add(): void {
    if (this.packages.length < MAX_PACKAGES) this.packages.push(this.parcel());
  }

  remove(index: number): void {
    if (this.packages.length > 1) this.packages.removeAt(index);
  }

  weightError(index: number): string {
    const control = this.packages.at(index).controls.weightKg;
    return control.hasError('pattern') || control.hasError('min')
      ? 'Enter kilograms above 0, like 12.5'
      : fieldError(control, 'Weight');
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set('');
    const packages = this.packages
      .getRawValue()
      .map(({ weightKg }) => (weightKg.trim() ? { weightKg: Number(weightKg) } : {}));
    this.api.pack(this.order.id, { packages }).subscribe({
      next: (order) => this.dialogRef.close(order),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }

  private parcel() {
    return new FormGroup({
      weightKg: new FormControl('', {
        nonNullable: true,
        validators: [Validators.pattern(WEIGHT), Validators.min(0.001)],
      }),
    });
  }
}
