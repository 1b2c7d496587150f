import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RETURN_REASONS, type ReturnReason, type ReturnSettings } from '@tradecounter/contracts';
import { Subject, startWith } from 'rxjs';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { formProblemText } from '../shared/problem';
import { controlMessage, problemValidator } from './problem-validator';
import {
  feeLabel,
  feeProblem,
  RETURN_REASON_LABELS,
  toReturnFees,
  windowDaysProblem,
  MAX_WINDOW_DAYS,
} from './return-fees';
import { SettingsApi } from './settings-api';

type FeeControls = Record<ReturnReason, FormControl<string>>;

/** Admin: the restocking fee per return reason and the default return window. */
@Component({
  selector: 'tc-return-settings-page',
  imports: [
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './return-settings-page.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .intro {
      margin: 0 0 16px;
      max-width: 72ch;
    }
    .card-title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .card-body {
      padding: 16px 20px;
    }
    .explain {
      margin: 0 0 12px;
    }
    .fees {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 4px 16px;
    }
    .window {
      max-width: 240px;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 0 0 8px;
    }
    .saved {
      color: var(--mat-sys-primary);
      margin: 0 0 8px;
    }
  `,
})
export class ReturnSettingsPage {
  private readonly api = inject(SettingsApi);
  private readonly snackBar = inject(MatSnackBar);

  readonly reasons = RETURN_REASONS;
  readonly labels = RETURN_REASON_LABELS;
  readonly maxWindowDays = MAX_WINDOW_DAYS;
  readonly message = controlMessage;
  readonly feeLabel = feeLabel;

  private readonly reloads = new Subject<void>();
  readonly state = toSignal(
    loadOnEach(this.reloads.pipe(startWith(undefined)), () => this.api.returnSettings()),
  );
  readonly saving = signal(false);
  readonly formError = signal('');
  /** The settings this page last saved (a "Saved" line shows until the form changes again). */
  readonly lastSaved = signal<ReturnSettings | null>(null);

  readonly form = new FormGroup({
    fees: new FormGroup(
      Object.fromEntries(
        RETURN_REASONS.map((reason) => [
          reason,
          new FormControl('0', {
            nonNullable: true,
            validators: [problemValidator((v) => feeProblem(String(v ?? '')))],
          }),
        ]),
      ) as FeeControls,
    ),
    defaultWindowDays: new FormControl<number | null>(null, [problemValidator(windowDaysProblem)]),
  });
  readonly fees = this.form.controls.fees.controls;

  constructor() {
    // Each load fills the form; filling reads the form's own state, so it is not tracked.
    effect(() => {
      const settings = this.state()?.value;
      if (settings) untracked(() => this.fill(settings));
    });
  }

  reload(): void {
    this.reloads.next();
  }

  discard(): void {
    const settings = this.lastSaved() ?? this.state()?.value;
    if (settings) this.fill(settings);
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: ReturnSettings = {
      fees: toReturnFees(value.fees),
      defaultWindowDays: Number(value.defaultWindowDays),
    };
    this.saving.set(true);
    this.formError.set('');
    this.api.saveReturnSettings(body).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.fill(saved);
        this.lastSaved.set(saved);
        this.snackBar.open('Return settings saved', 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(formProblemText(error, this.form) || 'Some fields need attention');
      },
    });
  }

  private fill(settings: ReturnSettings): void {
    this.form.reset({ fees: { ...settings.fees }, defaultWindowDays: settings.defaultWindowDays });
  }
}
