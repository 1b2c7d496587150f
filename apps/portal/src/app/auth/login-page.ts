import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, OnDestroy, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { fieldError } from '../shared/form-errors';
import { problemMessage, toProblem } from '../shared/problem';
import { AuthService } from './auth.service';
import { DemoLogins } from './demo-logins';

@Component({
  selector: 'tc-login-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    DemoLogins,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage implements OnDestroy {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private countdown: ReturnType<typeof setInterval> | undefined;

  /** Bound from the `returnUrl` query parameter. */
  readonly returnUrl = input<string>();
  readonly submitting = signal(false);
  readonly error = signal('');
  readonly retryIn = signal(0);
  readonly showPassword = signal(false);
  readonly fieldError = fieldError;

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  useDemo(email: string): void {
    this.form.setValue({ email, password: 'demo1234' });
    this.error.set('');
  }

  submit(): void {
    if (this.form.invalid || this.submitting() || this.retryIn() > 0) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set('');
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => void this.router.navigateByUrl(this.safeReturnUrl()),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.showLoginError(error);
      },
    });
  }

  ngOnDestroy(): void {
    clearInterval(this.countdown);
  }

  private showLoginError(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 401) {
      this.error.set('Email or password is incorrect.');
    } else if (error instanceof HttpErrorResponse && error.status === 429) {
      this.startCountdown(Number(error.headers.get('Retry-After')) || 60);
    } else {
      this.error.set(problemMessage(toProblem(error)));
    }
  }

  private startCountdown(seconds: number): void {
    clearInterval(this.countdown);
    this.retryIn.set(Math.ceil(seconds));
    this.countdown = setInterval(() => {
      this.retryIn.update((left) => left - 1);
      if (this.retryIn() <= 0) clearInterval(this.countdown);
    }, 1000);
  }

  /** Only same-site paths: never bounce a user to another origin after login. */
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
  }
}
