import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PriceTier } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { percentValidator, toPercentString } from './percent-validator';
import { PricingApi } from './pricing-api';

@Component({
  selector: 'tc-new-tier-dialog',
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
    <h2 mat-dialog-title>New price tier</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="tc-form">
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required maxlength="60" placeholder="Platinum" />
            <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Default discount (off list)</mat-label>
            <input matInput formControlName="discountPercent" required inputmode="decimal" />
            <span matTextSuffix>&nbsp;%</span>
            <mat-error>{{ fieldError(form.controls.discountPercent, 'Discount') }}</mat-error>
          </mat-form-field>
        </div>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Create tier</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class NewTierDialog {
  private readonly api = inject(PricingApi);
  private readonly ref = inject<MatDialogRef<NewTierDialog, PriceTier>>(MatDialogRef);
  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(60)]],
    discountPercent: ['0', [Validators.required, percentValidator()]],
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, discountPercent } = this.form.getRawValue();
    this.saving.set(true);
    this.formError.set('');
    this.api.createTier({ name: name.trim(), discountPercent: toPercentString(discountPercent) }).subscribe({
      next: (tier) => this.ref.close(tier),
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(formProblemText(error, this.form));
      },
    });
  }
}
