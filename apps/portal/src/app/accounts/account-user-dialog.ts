import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type AccountUser,
  CUSTOMER_ROLES,
  type CustomerRole,
  type UpdateAccountUserRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { NEW_PASSWORD_HINT, newPasswordValidators } from '../shared/password-rules';
import { RoleLabelPipe } from '../shared/labels.pipe';
import { toMoneyString } from '../shared/money-format';
import { moneyValidator } from '../shared/money-validator';
import { formProblemText } from '../shared/problem';
import { AccountsApi } from './accounts-api';

export interface AccountUserDialogData {
  accountId: string;
  /** null to add a user. */
  user: AccountUser | null;
}

/** Add or change a buyer/approver of an account; closes with the saved user. */
@Component({
  selector: 'tc-account-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    RoleLabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-user-dialog.html',
  styles: `
    .form-error {
      color: var(--mat-sys-error);
    }
    .toggle {
      margin: 8px 0;
    }
  `,
})
export class AccountUserDialog {
  private readonly api = inject(AccountsApi);
  private readonly dialogRef = inject<MatDialogRef<AccountUserDialog, AccountUser>>(MatDialogRef);
  readonly data = inject<AccountUserDialogData>(MAT_DIALOG_DATA);
  readonly isNew = this.data.user === null;
  readonly roles = CUSTOMER_ROLES;
  readonly fieldError = fieldError;
  readonly passwordHint = NEW_PASSWORD_HINT;
  readonly saving = signal(false);
  readonly formError = signal('');

  readonly form = inject(NonNullableFormBuilder).group({
    email: [
      { value: this.data.user?.email ?? '', disabled: !this.isNew },
      [Validators.required, Validators.email],
    ],
    name: [this.data.user?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    role: [(this.data.user?.role ?? 'buyer') as CustomerRole, Validators.required],
    orderLimit: [this.data.user?.orderLimit ?? '', moneyValidator()],
    password: ['', newPasswordValidators(false)],
    active: [this.data.user?.active ?? true],
    /** A new user chooses their own password from an e-mailed link (the default). */
    invite: [this.isNew],
  });
  readonly inviting = signal(this.isNew);

  constructor() {
    this.applyInvite(this.isNew);
  }

  /** Inviting: no password here; without an invitation a new user needs one. */
  applyInvite(invite: boolean): void {
    this.inviting.set(invite);
    const password = this.form.controls.password;
    password.setValidators(newPasswordValidators(this.isNew && !invite));
    if (invite) password.setValue('');
    password.updateValueAndValidity();
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    this.request().subscribe({
      next: (user) => this.dialogRef.close(user),
      error: (error: unknown) => {
        this.formError.set(formProblemText(error, this.form));
        this.saving.set(false);
      },
    });
  }

  private request(): Observable<AccountUser> {
    const v = this.form.getRawValue();
    const orderLimit = v.orderLimit === '' ? null : toMoneyString(v.orderLimit);
    if (!this.data.user) {
      return this.api.createUser(this.data.accountId, {
        email: v.email.trim(),
        name: v.name.trim(),
        role: v.role,
        ...(v.invite ? {} : { password: v.password }),
        orderLimit,
      });
    }
    const changes: UpdateAccountUserRequest = {
      name: v.name.trim(),
      role: v.role,
      orderLimit,
      active: v.active,
    };
    if (v.password) changes.password = v.password;
    return this.api.updateUser(this.data.accountId, this.data.user.id, changes);
  }
}
