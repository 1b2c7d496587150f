import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CompanySettings, OrderSummary } from '@tradecounter/contracts';
import { catchError, map, of, startWith, Subject } from 'rxjs';
import { OrdersApi } from '../orders/orders-api';
import { DocumentDownload } from '../shared/document-download';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { formProblemText } from '../shared/problem';
import { addressLines, addressProblem, optionalText } from './company-form';
import { CompanyLogoField } from './company-logo-field';
import { controlMessage, problemValidator } from './problem-validator';
import { SettingsApi } from './settings-api';

/** Admin: the letterhead printed on every document (orders, quotes, packing slips, credit notes). */
@Component({
  selector: 'tc-company-settings-page',
  imports: [
    CompanyLogoField,
    DocumentDownload,
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './company-settings-page.html',
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
      margin: 0 0 12px;
    }
    .card-body {
      padding: 16px 20px;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 0 0 8px;
    }
    .saved {
      color: var(--mat-sys-primary);
      margin: 0 0 8px;
    }
    .preview-doc {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      p {
        margin: 0;
        flex: 1 1 280px;
      }
    }
  `,
})
export class CompanySettingsPage {
  private readonly api = inject(SettingsApi);
  private readonly snackBar = inject(MatSnackBar);
  readonly message = controlMessage;

  private readonly reloads = new Subject<void>();
  readonly state = toSignal(loadOnEach(this.reloads.pipe(startWith(undefined)), () => this.api.company()));
  /** The newest order, to see the letterhead on a real document; null when there is none or it failed. */
  readonly newestOrder = toSignal(
    inject(OrdersApi)
      .list({ page: 1, pageSize: 1 })
      .pipe(
        map((page): OrderSummary | null => page.items[0] ?? null),
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly saved = signal(false);

  readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    address: new FormControl('', {
      nonNullable: true,
      validators: [problemValidator((value) => addressProblem(String(value ?? '')))],
    }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.email, Validators.maxLength(254)],
    }),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(40)] }),
    registration: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(60)] }),
  });

  constructor() {
    // Each load fills the form; filling reads the form's own state, so it is not tracked.
    effect(() => {
      const company = this.state()?.value;
      if (company) untracked(() => this.fill(company));
    });
  }

  reload(): void {
    this.reloads.next();
  }

  discard(): void {
    const company = this.state()?.value;
    if (company) this.fill(company);
  }

  /** After a logo upload or removal: say so and reload (the version changed). */
  logoChanged(text: string): void {
    this.snackBar.open(text, 'Dismiss', { duration: 4000 });
    this.reload();
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.formError.set('');
    this.saved.set(false);
    this.api
      .saveCompany({
        name: v.name.trim(),
        address: addressLines(v.address),
        email: optionalText(v.email),
        phone: optionalText(v.phone),
        registration: optionalText(v.registration),
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.saved.set(true);
          this.snackBar.open('Letterhead saved', 'Dismiss', { duration: 4000 });
          this.reload();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(formProblemText(error, this.form) || 'Some fields need attention');
        },
      });
  }

  private fill(company: CompanySettings): void {
    this.form.reset({
      name: company.name,
      address: company.address.join('\n'),
      email: company.email ?? '',
      phone: company.phone ?? '',
      registration: company.registration ?? '',
    });
  }
}
