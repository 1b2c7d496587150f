import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CreateSalesQuoteRequest, SalesQuote } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { localIsoDate } from '../availability/promise-dates';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { IdempotentSubmit } from './idempotent-submit';
import { QuotesApi } from './quotes-api';

export interface RequestQuoteLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
}

export interface RequestQuoteData {
  lines: RequestQuoteLine[];
  /** Where the lines come from, said in the dialog ("your cart", "this product"). */
  source: string;
}

const MESSAGE_MAX = 2000;

/** "Request a quote": the lines as they are, an optional delivery date and a message. */
@Component({
  selector: 'tc-request-quote-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Request a quote</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Sending the request" />
    }
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="intro">
          Your account manager prices these
          {{ data.lines.length === 1 ? 'line' : data.lines.length + ' lines' }} from {{ data.source }} and
          answers with a quote you can accept as an order.
        </p>
        <ul class="lines" aria-label="Lines to quote">
          @for (l of data.lines; track l.productId) {
            <li>
              <span class="qty">{{ l.quantity }} ×</span> <span class="tc-mono">{{ l.sku }}</span>
              <span class="name">{{ l.name }}</span>
            </li>
          }
        </ul>
        <mat-form-field class="field">
          <mat-label>Delivery wanted by (optional)</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="requestedDate" [min]="tomorrow" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-error>{{ fieldError(form.controls.requestedDate, 'Date') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="field">
          <mat-label>Message (optional)</mat-label>
          <textarea
            matInput
            formControlName="message"
            rows="3"
            [maxlength]="messageMax"
            placeholder="e.g. Can you do better on 500+ units?"
            cdkFocusInitial
          ></textarea>
          <mat-error>{{ fieldError(form.controls.message, 'Message') }}</mat-error>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="working()">Send request</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin: 0 0 8px;
      max-width: 56ch;
    }
    .lines {
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
      max-height: 160px;
      overflow: auto;
      font: var(--mat-sys-body-medium);
      li {
        display: flex;
        gap: 6px;
        padding: 2px 0;
      }
    }
    .qty {
      font-weight: 500;
    }
    .field {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class RequestQuoteDialog {
  readonly data = inject<RequestQuoteData>(MAT_DIALOG_DATA);
  private readonly api = inject(QuotesApi);
  private readonly dialogRef = inject<MatDialogRef<RequestQuoteDialog, SalesQuote>>(MatDialogRef);
  private readonly submission = new IdempotentSubmit();
  readonly form = inject(NonNullableFormBuilder).group({
    requestedDate: [null as Date | null],
    message: ['', Validators.maxLength(MESSAGE_MAX)],
  });
  readonly messageMax = MESSAGE_MAX;
  readonly tomorrow = new Date(Date.now() + 86_400_000);
  readonly working = signal(false);
  readonly error = signal('');
  readonly fieldError = fieldError;

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.working()) return;
    const { requestedDate, message } = this.form.getRawValue();
    const body: CreateSalesQuoteRequest = {
      lines: this.data.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      ...(requestedDate ? { requestedDate: localIsoDate(requestedDate) } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    this.working.set(true);
    this.error.set('');
    this.api.request(body, this.submission.keyFor(body)).subscribe({
      next: (quote) => this.dialogRef.close(quote),
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(formProblemText(error, this.form));
      },
    });
  }
}

export function openRequestQuote(
  dialog: MatDialog,
  data: RequestQuoteData,
): Observable<SalesQuote | undefined> {
  return dialog
    .open<RequestQuoteDialog, RequestQuoteData, SalesQuote>(RequestQuoteDialog, {
      data,
      width: '520px',
      maxWidth: '95vw',
    })
    .afterClosed();
}
