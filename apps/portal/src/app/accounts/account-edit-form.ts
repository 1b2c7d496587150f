import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  type Account,
  ACCOUNT_STATUSES,
  type AccountStatus,
  PAYMENT_TERMS,
  type PaymentTerms,
  type UpdateAccountRequest,
} from '@tradecounter/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { HumanizePipe } from '../shared/labels.pipe';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText } from '../shared/problem';
import { AccountsApi, Versioned } from './accounts-api';

/** Status, credit, terms, PO rule and manager of one account; read-only for who may not edit. */
@Component({
  selector: 'tc-account-edit-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-edit-form.html',
  styles: `
    form {
      padding: 20px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .note {
      margin: 0 0 8px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .po {
      align-self: center;
    }
  `,
})
export class AccountEditForm {
  private readonly api = inject(AccountsApi);
  private readonly snackBar = inject(MatSnackBar);
  readonly account = input.required<Account>();
  readonly etag = input<string | null>(null);
  readonly readonly = input(false);
  readonly saved = output<Versioned<Account>>();
  readonly reload = output();

  readonly fieldError = fieldError;
  readonly statuses = ACCOUNT_STATUSES;
  readonly terms = PAYMENT_TERMS;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly stale = signal(false);
  /** Who may be assigned; only fetched for who may edit (others may not list staff). */
  readonly managers = toSignal(
    toObservable(this.readonly).pipe(
      switchMap((readonly) =>
        readonly ? of([]) : this.api.accountManagers().pipe(catchError(() => of([]))),
      ),
    ),
    { initialValue: [] },
  );

  readonly form = inject(NonNullableFormBuilder).group({
    status: ['active' as AccountStatus, Validators.required],
    creditLimit: ['', [Validators.required, moneyValidator()]],
    paymentTerms: ['net_30' as PaymentTerms, Validators.required],
    requiresPo: [false],
    accountManagerId: [''],
  });

  constructor() {
    effect(() => this.reset(this.account(), this.readonly()));
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const changes = this.changes();
    if (Object.keys(changes).length === 0) {
      this.snackBar.open('Nothing to save', 'Dismiss');
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    this.api.update(this.account().id, changes, this.etag()).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.snackBar.open(`${result.value.code} saved`, 'Dismiss');
        this.saved.emit(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) {
          this.stale.set(true);
          return;
        }
        this.formError.set(formProblemText(error, this.form));
      },
    });
  }

  discard(): void {
    this.reset(this.account(), this.readonly());
  }

  private reset(account: Account, readonly: boolean): void {
    this.stale.set(false);
    this.formError.set('');
    this.form.reset({
      status: account.status,
      creditLimit: account.creditLimit,
      paymentTerms: account.paymentTerms,
      requiresPo: account.requiresPo,
      accountManagerId: account.accountManagerId ?? '',
    });
    if (readonly) this.form.disable();
    else this.form.enable();
  }

  /** Only what changed, so the history shows exactly the edit. */
  private changes(): UpdateAccountRequest {
    const value = this.form.getRawValue();
    const account = this.account();
    const changes: UpdateAccountRequest = {};
    if (value.status !== account.status) changes.status = value.status;
    const creditLimit = toMoneyString(value.creditLimit);
    if (creditLimit !== account.creditLimit) changes.creditLimit = creditLimit;
    if (value.paymentTerms !== account.paymentTerms) changes.paymentTerms = value.paymentTerms;
    if (value.requiresPo !== account.requiresPo) changes.requiresPo = value.requiresPo;
    if ((value.accountManagerId || null) !== account.accountManagerId)
      changes.accountManagerId = value.accountManagerId || null;
    return changes;
  }
}
