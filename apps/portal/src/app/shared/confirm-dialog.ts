import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { map, type Observable } from 'rxjs';
import { toProblem } from './problem';

export interface ConfirmDialogData<T = unknown> {
  title: string;
  message: string;
  confirmLabel: string;
  /** Done on confirm; the dialog closes with its result, or stays open showing the error. */
  action: () => Observable<T>;
  /** Cancel-style wording for the dismiss button ("Keep it"). */
  dismissLabel?: string;
}

/** Asks before an action that cannot be undone, runs it, and shows a refusal (409 …) in place. */
@Component({
  selector: 'tc-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <mat-dialog-content>
      <p class="message">{{ data.message }}</p>
      @if (error()) {
        <div class="error" role="alert">
          <mat-icon svgIcon="error" aria-hidden="true" />
          <span>{{ error() }}</span>
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ data.dismissLabel ?? 'Cancel' }}</button>
      <button mat-flat-button type="button" cdkFocusInitial (click)="confirm()" [disabled]="working()">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      margin: 0;
      max-width: 52ch;
    }
    .error {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin-top: 12px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      mat-icon {
        flex: 0 0 auto;
      }
    }
  `,
})
export class ConfirmDialog {
  readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<ConfirmDialog, { done: true; result: unknown }>>(MatDialogRef);
  readonly working = signal(false);
  readonly error = signal('');

  confirm(): void {
    if (this.working()) return;
    this.working.set(true);
    this.error.set('');
    this.data.action().subscribe({
      next: (result) => this.dialogRef.close({ done: true, result }),
      error: (error: unknown) => {
        this.working.set(false);
        const problem = toProblem(error);
        this.error.set(problem.detail ?? problem.title);
      },
    });
  }
}

/** Opens the dialog; emits the action's result once it succeeded, or undefined when dismissed. */
export function confirmAction<T>(dialog: MatDialog, data: ConfirmDialogData<T>): Observable<T | undefined> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData<T>, { done: true; result: T }>(ConfirmDialog, {
      data,
      width: '480px',
      maxWidth: '95vw',
    })
    .afterClosed()
    .pipe(map((closed) => closed?.result));
}
