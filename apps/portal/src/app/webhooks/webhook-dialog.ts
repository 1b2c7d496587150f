import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  type CreatedWebhookSubscription,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { WebhooksApi } from './webhooks-api';

export const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'order.created': 'An order is placed (any channel)',
  'order.status_changed': 'An order moves to another status',
  'order.repromised': 'A backordered line’s delivery date moves',
  'shipment.created': 'A shipment leaves, with carrier and tracking',
  'shipment.delivered': 'A shipment is delivered',
  'return.created': 'A return is asked for (or opened by staff)',
  'return.status_changed': 'A return moves to another status',
  'credit_note.created': 'A credit note is issued for returned goods',
};

/** A URL the browser's URL parser accepts as absolute http(s), as the API checks it. */
function httpUrl(control: { value: string }) {
  try {
    const url = new URL(control.value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : { httpUrl: true };
  } catch {
    return control.value ? { httpUrl: true } : null;
  }
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}

/** New subscription: URL, events, secret (typed or generated). The secret is shown here once, then never. */
@Component({
  selector: 'tc-webhook-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (created(); as done) {
      <h2 mat-dialog-title>Webhook created</h2>
      <mat-dialog-content>
        <p>
          Copy the signing secret now: it is not shown again. Your endpoint checks each delivery's
          <code>X-Signature</code> header, <code>sha256=</code> and the hex HMAC-SHA256 of the raw body with
          it.
        </p>
        <mat-form-field class="secret">
          <mat-label>Signing secret</mat-label>
          <input matInput [value]="done.secret" readonly data-testid="created-secret" #secretInput />
          <button
            mat-icon-button
            matSuffix
            type="button"
            aria-label="Copy the secret"
            (click)="copy(done.secret, secretInput)"
          >
            <mat-icon svgIcon="content_copy" />
          </button>
        </mat-form-field>
        @if (copied()) {
          <p class="tc-muted" role="status">Copied.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="done">Done</button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>New webhook</h2>
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Saving" />
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <mat-form-field class="wide">
            <mat-label>Endpoint URL</mat-label>
            <input
              matInput
              type="url"
              formControlName="url"
              required
              placeholder="https://erp.example.com/hooks"
            />
            <mat-hint>Receives a signed POST of JSON for each event</mat-hint>
            <mat-error>{{
              form.controls.url.hasError('httpUrl')
                ? 'Enter an http:// or https:// URL'
                : fieldError(form.controls.url, 'URL')
            }}</mat-error>
          </mat-form-field>
          <fieldset class="events">
            <legend>Events</legend>
            @for (type of eventTypes; track type) {
              <mat-checkbox [checked]="chosen().includes(type)" (change)="toggle(type, $event.checked)">
                <code>{{ type }}</code> <span class="tc-muted">{{ descriptions[type] }}</span>
              </mat-checkbox>
            }
            @if (eventsTouched() && chosen().length === 0) {
              <p class="error" role="alert">Choose at least one event.</p>
            }
          </fieldset>
          <div class="secret-row">
            <mat-form-field class="wide">
              <mat-label>Signing secret</mat-label>
              <input matInput formControlName="secret" autocomplete="off" required />
              <mat-hint>16–200 characters; shown once after saving</mat-hint>
              <mat-error>{{ fieldError(form.controls.secret, 'Secret') }}</mat-error>
            </mat-form-field>
            <button mat-stroked-button type="button" (click)="generate()">
              <mat-icon svgIcon="key" />Generate
            </button>
          </div>
          @if (formError()) {
            <p class="error" role="alert">{{ formError() }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ saving() ? 'Saving…' : 'Create webhook' }}
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .wide,
    .secret {
      width: 100%;
    }
    .events {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 16px 0;
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
    }
    .events .tc-muted {
      margin-left: 8px;
    }
    .secret-row {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .secret-row button {
      margin-top: 8px;
      flex: none;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class WebhookDialog {
  private readonly api = inject(WebhooksApi);
  private readonly dialogRef = inject<MatDialogRef<WebhookDialog, CreatedWebhookSubscription>>(MatDialogRef);
  readonly fieldError = fieldError;
  readonly eventTypes = WEBHOOK_EVENT_TYPES;
  readonly descriptions = EVENT_DESCRIPTIONS;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly created = signal<CreatedWebhookSubscription | undefined>(undefined);
  readonly copied = signal(false);
  readonly chosen = signal<WebhookEventType[]>(['order.created', 'order.status_changed', 'shipment.created']);
  readonly eventsTouched = signal(false);

  readonly form = inject(NonNullableFormBuilder).group({
    url: ['', [Validators.required, Validators.maxLength(2000), httpUrl]],
    secret: [randomSecret(), [Validators.required, Validators.minLength(16), Validators.maxLength(200)]],
  });

  toggle(type: WebhookEventType, on: boolean): void {
    this.eventsTouched.set(true);
    this.chosen.update((events) =>
      on
        ? WEBHOOK_EVENT_TYPES.filter((t) => t === type || events.includes(t))
        : events.filter((t) => t !== type),
    );
  }

  generate(): void {
    this.form.controls.secret.setValue(randomSecret());
  }

  copy(secret: string, input: HTMLInputElement): void {
    input.select();
    void navigator.clipboard?.writeText(secret).then(() => this.copied.set(true));
  }

  save(): void {
    this.eventsTouched.set(true);
    if (this.form.invalid || this.chosen().length === 0 || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    const { url, secret } = this.form.getRawValue();
    this.api.create({ url: url.trim(), events: this.chosen(), secret }).subscribe({
      next: (created) => {
        this.saving.set(false);
        this.created.set(created);
        this.dialogRef.disableClose = true;
      },
      error: (error: unknown) => {
        this.formError.set(formProblemText(error, this.form));
        this.saving.set(false);
      },
    });
  }
}
