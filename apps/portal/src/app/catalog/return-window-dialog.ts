import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import type { Product } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { formProblemText } from '../shared/problem';
import { MAX_WINDOW_DAYS } from '../settings/return-fees';
import { CatalogApi } from './catalog-api';
import { returnWindowChoice, returnWindowDays, type ReturnWindowChoice } from './return-window';

export interface ReturnWindowDialogData {
  productId: string;
  sku: string;
  returnWindowDays: number | null;
  defaultDays: number;
}

/** Admin: how long after delivery a product may be returned (the default, never, or its own days). */
@Component({
  selector: 'tc-return-window-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Returns of {{ data.sku }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-radio-group formControlName="choice" class="choices" aria-label="Return window">
          <mat-radio-button value="default"
            >Use the default ({{ data.defaultDays }} days after delivery)</mat-radio-button
          >
          <mat-radio-button value="none">Not returnable</mat-radio-button>
          <mat-radio-button value="days">Its own window</mat-radio-button>
        </mat-radio-group>
        @if (choice() === 'days') {
          <mat-form-field class="days">
            <mat-label>Days after delivery</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              min="1"
              [max]="maxDays"
              step="1"
              formControlName="days"
              required
              data-testid="return-window-days"
            />
            <span matTextSuffix>&nbsp;days</span>
            <mat-error>{{ fieldError(form.controls.days, 'The window') }}</mat-error>
          </mat-form-field>
        }
        <p class="tc-muted note">Orders already delivered follow the window in force when the buyer asks.</p>
        @if (formError()) {
          <p class="error" role="alert">{{ formError() }}</p>
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
    .choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 8px;
    }
    .days {
      width: 220px;
      margin-left: 40px;
    }
    .note {
      margin: 4px 0 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ReturnWindowDialog {
  private readonly api = inject(CatalogApi);
  private readonly dialogRef = inject<MatDialogRef<ReturnWindowDialog, Product>>(MatDialogRef);
  readonly data = inject<ReturnWindowDialogData>(MAT_DIALOG_DATA);
  readonly fieldError = fieldError;
  readonly maxDays = MAX_WINDOW_DAYS;
  readonly saving = signal(false);
  readonly formError = signal('');

  readonly form = new FormGroup({
    choice: new FormControl<ReturnWindowChoice>(returnWindowChoice(this.data.returnWindowDays), {
      nonNullable: true,
    }),
    days: new FormControl<number | null>(
      this.data.returnWindowDays ? this.data.returnWindowDays : this.data.defaultDays,
      [Validators.required, Validators.min(1), Validators.max(MAX_WINDOW_DAYS), integerValidator()],
    ),
  });
  readonly choice = toSignal(this.form.controls.choice.valueChanges, {
    initialValue: this.form.controls.choice.value,
  });

  save(): void {
    const choice = this.form.controls.choice.value;
    const days = this.form.controls.days;
    if ((choice === 'days' && days.invalid) || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    this.api
      .update(this.data.productId, { returnWindowDays: returnWindowDays(choice, Number(days.value)) })
      .subscribe({
        next: (product) => this.dialogRef.close(product),
        error: (error: unknown) => {
          this.saving.set(false);
          // The API names the field `returnWindowDays`; show it under the days.
          const text = formProblemText(error, this.form);
          const fieldProblem = this.form.controls.days.errors?.['server'] as string | undefined;
          this.formError.set(text || fieldProblem || '');
        },
      });
  }
}
