import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type Account,
  type CreateAccountRequest,
  PAYMENT_TERMS,
  type PaymentTerms,
} from '@tradecounter/contracts';
import { catchError, of } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { HumanizePipe } from '../shared/labels.pipe';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText } from '../shared/problem';
import { AccountsApi } from './accounts-api';

/** Admin: open a new customer account; closes with it. */
@Component({
  selector: 'tc-new-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>New account</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="tc-form">
          <mat-form-field>
            <mat-label>Code</mat-label>
            <input matInput formControlName="code" required placeholder="ACME" />
            <mat-error>{{ fieldError(form.controls.code, 'Code') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Credit limit (USD)</mat-label>
            <span matTextPrefix>$&nbsp;</span>
            <input matInput formControlName="creditLimit" inputmode="decimal" />
            <mat-error>{{ fieldError(form.controls.creditLimit, 'Credit limit') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Payment terms</mat-label>
            <mat-select formControlName="paymentTerms">
              @for (t of terms; track t) {
                <mat-option [value]="t">{{ t | humanize }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Account manager</mat-label>
            <mat-select formControlName="accountManagerId">
              <mat-option value="">Unassigned</mat-option>
              @for (m of managers(); track m.id) {
                <mat-option [value]="m.id">{{ m.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ fieldError(form.controls.accountManagerId, 'Account manager') }}</mat-error>
          </mat-form-field>
          <mat-slide-toggle formControlName="requiresPo" class="po">PO number required</mat-slide-toggle>
        </div>
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Creating…' : 'Create account' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .po {
      margin-top: 16px;
    }
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class NewAccountDialog {
  private readonly api = inject(AccountsApi);
  private readonly dialogRef = inject<MatDialogRef<NewAccountDialog, Account>>(MatDialogRef);
  readonly fieldError = fieldError;
  readonly terms = PAYMENT_TERMS;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly managers = toSignal(this.api.accountManagers().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(32)]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    creditLimit: ['0.00', [Validators.required, moneyValidator()]],
    paymentTerms: ['net_30' as PaymentTerms],
    accountManagerId: [''],
    requiresPo: [false],
  });

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    const value = this.form.getRawValue();
    const body: CreateAccountRequest = {
      code: value.code.trim(),
      name: value.name.trim(),
      creditLimit: toMoneyString(value.creditLimit),
      paymentTerms: value.paymentTerms,
      requiresPo: value.requiresPo,
      accountManagerId: value.accountManagerId || null,
    };
    this.api.create(body).subscribe({
      next: (account) => this.dialogRef.close(account),
      error: (error: unknown) => {
        this.formError.set(formProblemText(error, this.form));
        this.saving.set(false);
      },
    });
  }
}
