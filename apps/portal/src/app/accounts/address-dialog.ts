import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Address, CreateAddressRequest } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { AccountsApi } from './accounts-api';

export interface AddressDialogData {
  accountId: string;
}

@Component({
  selector: 'tc-address-dialog',
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
    <h2 mat-dialog-title>Add shipping address</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="tc-form">
          <mat-form-field class="tc-span-all">
            <mat-label>Label</mat-label>
            <input matInput formControlName="label" required placeholder="Main warehouse" />
            <mat-error>{{ fieldError(form.controls.label, 'Label') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="tc-span-all">
            <mat-label>Address line 1</mat-label>
            <input matInput formControlName="line1" required autocomplete="address-line1" />
            <mat-error>{{ fieldError(form.controls.line1, 'Address line 1') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="tc-span-all">
            <mat-label>Address line 2 (optional)</mat-label>
            <input matInput formControlName="line2" autocomplete="address-line2" />
            <mat-error>{{ fieldError(form.controls.line2, 'Address line 2') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>City</mat-label>
            <input matInput formControlName="city" required autocomplete="address-level2" />
            <mat-error>{{ fieldError(form.controls.city, 'City') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Region / state (optional)</mat-label>
            <input matInput formControlName="region" autocomplete="address-level1" />
            <mat-error>{{ fieldError(form.controls.region, 'Region') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Postcode</mat-label>
            <input matInput formControlName="postcode" required autocomplete="postal-code" />
            <mat-error>{{ fieldError(form.controls.postcode, 'Postcode') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Country code</mat-label>
            <input
              matInput
              formControlName="country"
              required
              autocomplete="country"
              maxlength="2"
              placeholder="US"
            />
            <mat-hint>Two letters, e.g. US</mat-hint>
            <mat-error>{{ fieldError(form.controls.country, 'Country') }}</mat-error>
          </mat-form-field>
        </div>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Add address' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class AddressDialog {
  private readonly api = inject(AccountsApi);
  private readonly dialogRef = inject<MatDialogRef<AddressDialog, Address>>(MatDialogRef);
  private readonly data = inject<AddressDialogData>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');

  readonly form = inject(NonNullableFormBuilder).group({
    label: ['', [Validators.required, Validators.maxLength(100)]],
    line1: ['', [Validators.required, Validators.maxLength(200)]],
    line2: [''],
    city: ['', [Validators.required, Validators.maxLength(100)]],
    region: [''],
    postcode: ['', [Validators.required, Validators.maxLength(20)]],
    country: ['US', [Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)]],
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    const v = this.form.getRawValue();
    const body: CreateAddressRequest = {
      label: v.label.trim(),
      line1: v.line1.trim(),
      line2: v.line2.trim() || null,
      city: v.city.trim(),
      region: v.region.trim() || null,
      postcode: v.postcode.trim(),
      country: v.country.trim().toUpperCase(),
    };
    this.api.createAddress(this.data.accountId, body).subscribe({
      next: (address) => this.dialogRef.close(address),
      error: (error: unknown) => {
        this.formError.set(formProblemText(error, this.form));
        this.saving.set(false);
      },
    });
  }
}
