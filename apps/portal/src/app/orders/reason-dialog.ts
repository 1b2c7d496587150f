import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Order } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { formProblemText } from '../shared/problem';

export interface ReasonDialogData<T = Order> {
  title: string;
  message: string;
  confirmLabel: string;
  reasonRequired: boolean;
  action: (reason: string) => Observable<T>;
  /** The field's label; "Reason" unless given. */
  fieldLabel?: string;
}

/** Cancel or reject with a reason (kept on the timeline); closes with the changed order or quote. */
@Component({
  selector: 'tc-reason-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="message">{{ data.message }}</p>
        <mat-form-field class="reason">
          <mat-label>{{ label }}{{ data.reasonRequired ? '' : ' (optional)' }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="500" cdkFocusInitial></textarea>
          <mat-error>{{ fieldError(form.controls.reason, label) }}</mat-error>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it</button>
        <button mat-flat-button type="submit" [disabled]="working()">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .message {
      margin: 0 0 12px;
      max-width: 52ch;
    }
    .reason {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class ReasonDialog {
  readonly data = inject<ReasonDialogData<unknown>>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog, unknown>>(MatDialogRef);
  readonly label = this.data.fieldLabel ?? 'Reason';
  readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      this.data.reasonRequired
        ? [Validators.required, Validators.maxLength(500)]
        : [Validators.maxLength(500)],
    ],
  });
  readonly working = signal(false);
  readonly error = signal('');
  readonly fieldError = fieldError;

  confirm(): void {
    if (this.form.invalid || this.working()) {
      this.form.markAllAsTouched();
      return;
    }
    this.working.set(true);
    this.error.set('');
    this.data.action(this.form.controls.reason.value.trim()).subscribe({
      next: (changed) => this.dialogRef.close(changed),
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(formProblemText(error, this.form));
      },
    });
  }
}

export function askReason<T = Order>(
  dialog: MatDialog,
  data: ReasonDialogData<T>,
): Observable<T | undefined> {
  return dialog
    .open<ReasonDialog, ReasonDialogData<T>, T>(ReasonDialog, { data, width: '480px', maxWidth: '95vw' })
    .afterClosed();
}
