import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AuthService } from '../auth/auth.service';
import { problemMessage, toProblem } from '../shared/problem';
import { percentFromShare, shareFromPercent } from './tolerance';
import { PurchasingApi } from './purchasing-api';

/**
 * Purchasing settings: how far receiving may go over the ordered quantity.
 * A percent here, a share (0 to 1) on the wire. Admins change it; others read it.
 */
@Component({
  selector: 'tc-purchasing-settings-card',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="tc-card settings"
      (submit)="$event.preventDefault(); save()"
      novalidate
      aria-labelledby="settings-title"
    >
      <h2 id="settings-title" class="card-title">Receiving tolerance</h2>
      <p class="tc-muted">
        Receiving may exceed the ordered quantity by this share of it (0 % allows exactly what was ordered).
      </p>
      @if (loaded()) {
        <div class="row">
          <mat-form-field>
            <mat-label>Tolerance (%)</mat-label>
            <input
              matInput
              type="number"
              min="0"
              max="100"
              step="0.1"
              inputmode="decimal"
              [formControl]="percent"
              [readonly]="!isAdmin"
              data-testid="receipt-tolerance"
            />
            <mat-error>Enter a percent from 0 to 100</mat-error>
          </mat-form-field>
          @if (isAdmin) {
            <button mat-flat-button type="submit" [disabled]="saving() || !changed()">Save tolerance</button>
          }
        </div>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </form>
  `,
  styles: `
    .settings {
      display: block;
      padding: 0 20px 12px;
    }
    .card-title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      padding: 16px 0 4px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PurchasingSettingsCard {
  private readonly api = inject(PurchasingApi);
  private readonly snackBar = inject(MatSnackBar);
  readonly isAdmin = inject(AuthService).hasRole(['admin']);
  readonly percent = new FormControl<number | null>(null, [
    Validators.required,
    Validators.min(0),
    Validators.max(100),
  ]);
  readonly saving = signal(false);
  readonly error = signal('');
  /** The field shows once the saved value is in it, so typing is never overwritten by the load. */
  readonly loaded = signal(false);
  readonly changed = signal(false);

  constructor() {
    this.percent.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.changed.set(this.percent.dirty));
    this.api.settings().subscribe({
      next: (settings) => {
        this.percent.reset(percentFromShare(settings.receiptTolerance));
        this.loaded.set(true);
      },
      error: (error: unknown) => this.error.set(problemMessage(toProblem(error))),
    });
  }

  save(): void {
    if (this.percent.invalid || this.saving()) {
      this.percent.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set('');
    this.api.saveSettings({ receiptTolerance: shareFromPercent(Number(this.percent.value)) }).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.percent.reset(percentFromShare(settings.receiptTolerance));
        this.changed.set(false);
        this.snackBar.open('Receiving tolerance saved', 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemMessage(toProblem(error)));
      },
    });
  }
}
