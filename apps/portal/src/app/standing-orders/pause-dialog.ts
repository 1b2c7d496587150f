import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { IsoDate, StandingOrder } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { dateFromIso, localIsoDate } from '../availability/promise-dates';
import { problemMessage, toProblem } from '../shared/problem';

export interface PauseDialogData {
  name: string;
  /** Pauses, resuming on the date given (or never by itself); the dialog closes with the result. */
  pause: (resumeOn: IsoDate | null) => Observable<StandingOrder>;
}

/** Pause a standing order, optionally until a date; no run is placed while it is paused. */
@Component({
  selector: 'tc-pause-dialog',
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
    <h2 mat-dialog-title>Pause “{{ data.name }}”</h2>
    @if (working()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="message">
          No order is placed while it is paused. Give a date to resume on by itself, or leave it empty and
          resume it yourself.
        </p>
        <mat-form-field class="date">
          <mat-label>Resume on (optional)</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="resumeOn" [min]="tomorrow" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>Day/month/year, or pick it from the calendar</mat-hint>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it running</button>
        <button mat-flat-button type="submit" [disabled]="working()">Pause</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .message {
      margin: 0 0 12px;
      max-width: 52ch;
    }
    .date {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class PauseDialog {
  readonly data = inject<PauseDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PauseDialog, StandingOrder>>(MatDialogRef);
  readonly resumeOn = new FormControl<Date | null>(null);
  readonly form = new FormGroup({ resumeOn: this.resumeOn });
  readonly tomorrow = dateFromIso(localIsoDate(new Date(Date.now() + 86_400_000)));
  readonly working = signal(false);
  readonly error = signal('');

  confirm(): void {
    if (this.working()) return;
    if (this.resumeOn.invalid) {
      this.error.set('Enter a date after today, or leave it empty.');
      return;
    }
    this.working.set(true);
    this.error.set('');
    const date = this.resumeOn.value;
    this.data.pause(date ? localIsoDate(date) : null).subscribe({
      next: (changed) => this.dialogRef.close(changed),
      error: (error: unknown) => {
        this.working.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }
}

export function openPauseDialog(
  dialog: MatDialog,
  data: PauseDialogData,
): Observable<StandingOrder | undefined> {
  return dialog
    .open<PauseDialog, PauseDialogData, StandingOrder>(PauseDialog, {
      data,
      width: '440px',
      maxWidth: '95vw',
    })
    .afterClosed();
}
