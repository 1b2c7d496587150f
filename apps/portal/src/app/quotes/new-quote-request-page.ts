import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { CreateSalesQuoteRequest } from '@tradecounter/contracts';
import { parseQuickOrder } from '@tradecounter/domain';
import { localIsoDate } from '../availability/promise-dates';
import { AccountPicker } from '../orders/account-picker';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { IdempotentSubmit } from './idempotent-submit';
import { QuotesApi } from './quotes-api';

/**
 * An account manager starts a quote request for an account of theirs: the
 * account, the lines as "SKU quantity" rows (as on the phone order), an
 * optional delivery date and a note. They then price it on the quoting page.
 */
@Component({
  selector: 'tc-new-quote-request-page',
  imports: [
    AccountPicker,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <a mat-icon-button routerLink="/quotes" aria-label="Back to quotes"><mat-icon svgIcon="back" /></a>
        <h1>New quote request</h1>
      </header>
      <form class="tc-card" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (working()) {
          <mat-progress-bar mode="indeterminate" aria-label="Creating the request" />
        }
        <div class="fields">
          <tc-account-picker [control]="form.controls.accountId" />
          <mat-form-field>
            <mat-label>Lines: one “SKU quantity” per row</mat-label>
            <textarea
              matInput
              formControlName="lines"
              rows="6"
              spellcheck="false"
              placeholder="GLV-NIT-M 500"
              required
            ></textarea>
            <mat-hint>{{ lineHint() }}</mat-hint>
            <mat-error>{{ fieldError(form.controls.lines, 'Lines') }}</mat-error>
          </mat-form-field>
          @if (parsed().errors.length) {
            <ul class="row-errors" role="alert">
              @for (e of parsed().errors; track e.row) {
                <li>Row {{ e.row }} “{{ e.text }}”: {{ e.reason }}</li>
              }
            </ul>
          }
          <mat-form-field class="date">
            <mat-label>Delivery wanted by (optional)</mat-label>
            <input matInput [matDatepicker]="picker" formControlName="requestedDate" [min]="tomorrow" />
            <mat-datepicker-toggle matIconSuffix [for]="picker" />
            <mat-datepicker #picker />
          </mat-form-field>
          <mat-form-field>
            <mat-label>Message (optional)</mat-label>
            <textarea matInput formControlName="message" rows="3" maxlength="2000"></textarea>
          </mat-form-field>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="tc-actions">
            <a mat-button routerLink="/quotes">Cancel</a>
            <button mat-flat-button type="submit" [disabled]="working()">Create request</button>
          </div>
        </div>
      </form>
    </section>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 20px;
      max-width: 720px;
    }
    .date {
      max-width: 320px;
    }
    .row-errors,
    .error {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class NewQuoteRequestPage {
  private readonly api = inject(QuotesApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly submission = new IdempotentSubmit();
  readonly fieldError = fieldError;
  readonly tomorrow = new Date(Date.now() + 86_400_000);
  readonly form = inject(NonNullableFormBuilder).group({
    accountId: ['', Validators.required],
    lines: ['', Validators.required],
    requestedDate: [null as Date | null],
    message: ['', Validators.maxLength(2000)],
  });
  private readonly typed = toSignal(this.form.controls.lines.valueChanges, { initialValue: '' });
  readonly parsed = computed(() => parseQuickOrder(this.typed()));
  readonly lineHint = computed(() => {
    const count = this.parsed().lines.length;
    return count ? `${count} ${count === 1 ? 'line' : 'lines'}` : 'e.g. GLV-NIT-M 500';
  });
  readonly working = signal(false);
  readonly error = signal('');

  submit(): void {
    const parsed = this.parsed();
    if (this.form.invalid || parsed.errors.length || !parsed.lines.length) {
      this.form.markAllAsTouched();
      if (!this.form.invalid && !parsed.lines.length) this.error.set('Type at least one line.');
      return;
    }
    if (this.working()) return;
    const { accountId, requestedDate, message } = this.form.getRawValue();
    const body: CreateSalesQuoteRequest = {
      accountId,
      lines: parsed.lines.map(({ sku, quantity }) => ({ sku, quantity })),
      ...(requestedDate ? { requestedDate: localIsoDate(requestedDate) } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    this.working.set(true);
    this.error.set('');
    this.api.request(body, this.submission.keyFor(body)).subscribe({
      next: (quote) => {
        this.snackBar.open(`Quote request ${quote.number} created: price it now`, 'Dismiss', {
          duration: 5000,
        });
        void this.router.navigate(['/quotes', quote.id, 'quote']);
      },
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(formProblemText(error, this.form));
      },
    });
  }
}
