import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Channel } from '@tradecounter/contracts';
import { formProblemText } from '../shared/problem';
import { ChannelReachFields, channelReachForm, channelReachRequest } from './channel-reach-fields';
import { ChannelsApi } from './channels-api';

/**
 * Changes what a channel's key may do: its accounts (or all), and whether
 * its orders may carry an address. Its name stays: its orders record it.
 * Closes with the saved channel.
 */
@Component({
  selector: 'tc-channel-settings-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatProgressBarModule, ChannelReachFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Edit {{ channel.name }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="tc-muted intro">
          Changes apply to the next request its key sends. Its name, the channel its orders show, stays.
        </p>
        <tc-channel-reach-fields [form]="form" />
        @if (formError()) {
          <p class="form-error" role="alert">{{ formError() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Save' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin-top: 0;
      max-width: 52ch;
    }
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ChannelSettingsDialog {
  private readonly api = inject(ChannelsApi);
  private readonly ref = inject<MatDialogRef<ChannelSettingsDialog, Channel>>(MatDialogRef);
  readonly channel = inject<Channel>(MAT_DIALOG_DATA);
  readonly form = channelReachForm(inject(NonNullableFormBuilder), this.channel);
  readonly saving = signal(false);
  readonly formError = signal('');

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.formError.set('');
    this.api.update(this.channel.id, channelReachRequest(this.form)).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(formProblemText(error, this.form));
      },
    });
  }
}
