import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Supplier } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { formProblemText } from '../shared/problem';
import { PurchasingApi } from './purchasing-api';

/** Adds a supplier or changes one (its code stays); closes with the saved supplier. */
@Component({
  selector: 'tc-supplier-dialog',
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
    <h2 mat-dialog-title>{{ existing ? 'Edit ' + existing.name : 'Add supplier' }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (stale()) {
          <p class="error" role="alert">
            Someone else changed this supplier since you opened it. Close and open it again to see their
            changes.
          </p>
        }
        <div class="tc-form">
          <mat-form-field>
            <mat-label>Code</mat-label>
            <input matInput formControlName="code" maxlength="32" autocapitalize="characters" required />
            <mat-hint>Short and fixed, e.g. ACME</mat-hint>
            <mat-error>{{ fieldError(form.controls.code, 'Code') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" maxlength="200" required />
            <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" required />
            <mat-hint>Purchase orders are sent here</mat-hint>
            <mat-error>{{ fieldError(form.controls.email, 'E-mail') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Lead time (business days)</mat-label>
            <input
              matInput
              type="number"
              min="0"
              step="1"
              inputmode="numeric"
              formControlName="leadTimeDays"
              required
            />
            <mat-hint>From sending an order to its arrival</mat-hint>
            <mat-error>{{ fieldError(form.controls.leadTimeDays, 'Lead time') }}</mat-error>
          </mat-form-field>
        </div>
        @if (formError()) {
          <p class="error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : existing ? 'Save changes' : 'Add supplier' }}
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
export class SupplierDialog {
  private readonly api = inject(PurchasingApi);
  private readonly dialogRef = inject<MatDialogRef<SupplierDialog, Supplier>>(MatDialogRef);
  readonly existing = inject<Supplier | null>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly stale = signal(false);
  readonly form = new FormGroup({
    code: new FormControl(
      { value: this.existing?.code ?? '', disabled: !!this.existing },
      { nonNullable: true, validators: [Validators.required, Validators.maxLength(32)] },
    ),
    name: new FormControl(this.existing?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    email: new FormControl(this.existing?.email ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    leadTimeDays: new FormControl<number | null>(this.existing?.leadTimeDays ?? 5, [
      Validators.required,
      Validators.min(0),
      Validators.max(365),
      integerValidator(),
    ]),
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { code, name, email, leadTimeDays } = this.form.getRawValue();
    const body = { name: name.trim(), email: email.trim(), leadTimeDays: Number(leadTimeDays) };
    this.saving.set(true);
    this.formError.set('');
    const request = this.existing
      ? this.api.updateSupplier(this.existing, body)
      : this.api.createSupplier({ code: code.trim().toUpperCase(), ...body });
    request.subscribe({
      next: (supplier) => this.dialogRef.close(supplier),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) this.stale.set(true);
        else this.formError.set(formProblemText(error, this.form));
      },
    });
  }
}
