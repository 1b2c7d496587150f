import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { fieldError } from '../shared/form-errors';
import { NEW_PASSWORD_HINT, newPasswordValidators } from '../shared/password-rules';
import { formProblemText, toProblem } from '../shared/problem';
import { AuthService } from './auth.service';
import { passwordsMatch, setPasswordFailure } from './set-password-rules';

/**
 * Where an invitation's e-mailed link lands (`/set-password?token=…`): the
 * invited user chooses a password and is signed in. Public: they have no
 * session yet.
 */
@Component({
  selector: 'tc-set-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './set-password-page.html',
  styleUrl: './login-page.scss',
})
export class SetPasswordPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Bound from the `token` query parameter of the invitation's link. */
  readonly token = input<string>();
  readonly hasToken = computed(() => (this.token() ?? '').length > 0);
  readonly submitting = signal(false);
  readonly error = signal('');
  /** The link itself is dead (expired, used, replaced): only a new invitation helps. */
  readonly linkInvalid = signal(false);
  readonly showPassword = signal(false);
  readonly fieldError = fieldError;
  readonly passwordHint = NEW_PASSWORD_HINT;

  readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', newPasswordValidators(true)],
      confirm: ['', Validators.required],
    },
    { validators: passwordsMatch() },
  );

  confirmError(): string {
    const confirm = this.form.controls.confirm;
    return confirm.hasError('mismatch') ? 'The passwords do not match' : fieldError(confirm, 'Confirmation');
  }

  submit(): void {
    if (this.form.invalid || this.submitting() || !this.hasToken()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set('');
    const { password } = this.form.getRawValue();
    this.auth.setPassword({ token: this.token() ?? '', password }).subscribe({
      next: () => void this.router.navigateByUrl('/'),
      error: (error: unknown) => {
        this.submitting.set(false);
        const failure = setPasswordFailure(toProblem(error));
        this.linkInvalid.set(failure.linkInvalid);
        this.error.set(failure.linkInvalid ? failure.message : formProblemText(error, this.form));
      },
    });
  }
}
