import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CreatedChannel } from '@tradecounter/contracts';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';
import { ChannelReachFields, channelReachForm, channelReachRequest } from './channel-reach-fields';
import { ChannelsApi } from './channels-api';

/** Same rule as the API: the channel name its orders record. */
export const CHANNEL_NAME = /^(?!(portal|phone|api|csv)$)[a-z0-9][a-z0-9_-]{1,39}$/;

/**
 * A new channel (an integration's API key): its name and the customers its
 * key may order for, then the key, shown this once with a copy button. The
 * dialog closes with the channel once the admin says the key is stored.
 */
@Component({
  selector: 'tc-channel-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ChannelReachFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (created(); as channel) {
      <h2 mat-dialog-title>API key for {{ channel.name }}</h2>
      <mat-dialog-content>
        <p class="warning" role="alert">
          <mat-icon svgIcon="warning" aria-hidden="true" />
          Copy this key now and store it in the other system. It is not shown again; if it is lost, revoke
          this channel and create a new one.
        </p>
        <mat-form-field class="key">
          <mat-label>API key</mat-label>
          <input
            matInput
            readonly
            [value]="channel.apiKey"
            aria-label="API key"
            (focus)="selectAll($event)"
          />
          <button
            mat-icon-button
            matIconSuffix
            type="button"
            (click)="copy(channel.apiKey)"
            aria-label="Copy the key"
          >
            <mat-icon svgIcon="content_copy" />
          </button>
          <mat-hint>{{ copied() ? 'Copied to the clipboard' : 'Send it as the X-Api-Key header' }}</mat-hint>
        </mat-form-field>
        <p class="tc-muted how">
          Orders go to <code>POST /api/channel-orders</code> and are recorded with the channel
          <strong>{{ channel.name }}</strong>.
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" cdkFocusInitial (click)="done(channel)">
          I have stored the key
        </button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>New channel</h2>
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Creating" />
      }
      <form [formGroup]="form" (ngSubmit)="create()" novalidate>
        <mat-dialog-content>
          <p class="tc-muted intro">
            An API key for another system that sends orders: an ERP, an EDI gateway, a marketplace. Its name
            is the channel its orders show.
          </p>
          <mat-form-field class="name">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" autocomplete="off" required cdkFocusInitial />
            <mat-hint>Lowercase letters, digits, “-” or “_”, e.g. acme-erp</mat-hint>
            <mat-error>{{
              form.controls.name.hasError('pattern')
                ? 'Use 2–40 lowercase letters, digits, “-” or “_” (not portal, phone, api, csv or standing)'
                : fieldError(form.controls.name, 'Name')
            }}</mat-error>
          </mat-form-field>
          <tc-channel-reach-fields [form]="form.controls.reach" />
          @if (formError()) {
            <p class="form-error" role="alert">{{ formError() }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>Cancel</button>
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ saving() ? 'Creating…' : 'Create and show key' }}
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .intro {
      margin-top: 0;
      max-width: 52ch;
    }
    .name {
      margin-bottom: 8px;
    }
    .name,
    .key {
      width: 100%;
    }
    .key input {
      font-family: var(--tc-mono, monospace);
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin-top: 0;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      max-width: 60ch;
      mat-icon {
        flex: 0 0 auto;
      }
    }
    .how {
      margin-bottom: 0;
    }
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ChannelCreateDialog {
  private readonly api = inject(ChannelsApi);
  private readonly ref = inject<MatDialogRef<ChannelCreateDialog, CreatedChannel>>(MatDialogRef);
  private readonly clipboard = inject(Clipboard);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.pattern(CHANNEL_NAME)]],
    reach: channelReachForm(this.fb),
  });
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly created = signal<CreatedChannel | undefined>(undefined);
  readonly copied = signal(false);
  readonly fieldError = fieldError;

  create(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.formError.set('');
    const name = this.form.controls.name.value.trim();
    this.api.create({ name, ...channelReachRequest(this.form.controls.reach) }).subscribe({
      next: (channel) => {
        this.saving.set(false);
        // The key is on screen now: a stray click outside must not lose it.
        this.ref.disableClose = true;
        this.created.set(channel);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(formProblemText(error, this.form));
      },
    });
  }

  copy(key: string): void {
    this.copied.set(this.clipboard.copy(key));
  }

  selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  done(channel: CreatedChannel): void {
    this.ref.close(channel);
  }
}
