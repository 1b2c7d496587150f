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
  INTERNAL_ROLES,
  type InternalRole,
  type InternalUser,
  type UpdateInternalUserRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { RoleLabelPipe } from '../shared/labels.pipe';
import { NEW_PASSWORD_HINT, newPasswordValidators } from '../shared/password-rules';
import { formProblemText } from '../shared/problem';
import { UsersApi } from './users-api';

export interface UserDialogData {
  /** null to create a staff user. */
  user: InternalUser | null;
}

@Component({
  selector: 'tc-user-dialog',
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
  template: `
    <h2 mat-dialog-title>{{ isNew ? 'New user' : 'Edit ' + data.user?.name }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="tc-form">
          <mat-form-field class="tc-span-all">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" />
            <mat-error>{{ fieldError(form.controls.email, 'Email') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            <mat-error>{{ fieldError(form.controls.name, 'Name') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Role</mat-label>
            <mat-select formControlName="role">
              @for (r of roles; track r) {
                <mat-option [value]="r">{{ r | roleLabel }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ fieldError(form.controls.role, 'Role') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="tc-span-all">
            <mat-label>{{ isNew ? 'Password' : 'New password (optional)' }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="new-password"
              [required]="isNew"
            />
            <mat-hint
              >{{ passwordHint }}{{ isNew ? '' : '. Changing it signs the user out everywhere' }}</mat-hint
            >
            <mat-error>{{ fieldError(form.controls.password, 'Password') }}</mat-error>
          </mat-form-field>
        </div>
        @if (!isNew) {
          <mat-slide-toggle formControlName="active" class="toggle">Active (can sign in)</mat-slide-toggle>
        }
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : isNew ? 'Create user' : 'Save changes' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form-error {
      color: var(--mat-sys-error);
    }
    .toggle {
      margin: 12px 0 4px;
    }
  `,
})
export class UserDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, InternalUser>>(MatDialogRef);
  readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  readonly isNew = this.data.user === null;
  readonly roles = INTERNAL_ROLES;
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
    role: [(this.data.user?.role ?? 'account_manager') as InternalRole, Validators.required],
    password: ['', newPasswordValidators(this.isNew)],
    active: [this.data.user?.active ?? true],
  });

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

  private request(): Observable<InternalUser> {
    const v = this.form.getRawValue();
    if (!this.data.user) {
      return this.api.create({
        email: v.email.trim(),
        name: v.name.trim(),
        role: v.role,
        password: v.password,
      });
    }
    const changes: UpdateInternalUserRequest = { name: v.name.trim(), role: v.role, active: v.active };
    if (v.password) changes.password = v.password;
    return this.api.update(this.data.user.id, changes);
  }
}
