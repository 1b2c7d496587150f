import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  type Address,
  type CreateStandingOrderRequest,
  INTERNAL_ROLES,
  type StandingOrder,
  type UpdateStandingOrderRequest,
} from '@tradecounter/contracts';
import { catchError, map, type Observable, of, startWith, switchMap, throwError } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { dateFromIso, localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { OrdersApi } from '../orders/orders-api';
import { DisplayDatePipe } from '../shared/date.pipe';
import { ErrorState } from '../shared/error-state';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { formProblemText } from '../shared/problem';
import { textParam } from '../shared/route-inputs';
import { TemplatesApi } from '../templates/templates-api';
import { PO_PATTERN_TOKENS, poExample, poPatternError } from './po-pattern';
import { MONTH_DAYS, scheduleFromForm, scheduleToForm } from './schedule-form';
import { ISO_WEEKDAYS, monthDayWords, scheduleInWords, WEEKDAY_NAMES } from './schedule-words';
import { previewRuns } from './schedule-preview';
import {
  type SourceLine,
  sourceFromOrder,
  sourceFromStandingOrder,
  sourceFromTemplate,
  type StandingOrderSource,
} from './standing-order-source';
import { StandingOrdersApi } from './standing-orders-api';

/** The domain's rule for PO patterns, as a form validator ("has unknown tokens {x}; use …"). */
function poPatternValidator(control: AbstractControl<string>): ValidationErrors | null {
  const problem = poPatternError(control.value);
  return problem ? { server: problem } : null;
}

type LineGroup = FormGroup<{
  productId: FormControl<string>;
  sku: FormControl<string>;
  name: FormControl<string>;
  active: FormControl<boolean>;
  quantity: FormControl<number>;
}>;

/**
 * Making a standing order from a past order or a template, or editing one:
 * its lines, where it ships, the PO each run gets, and the schedule, with
 * the dates it will run as the schedule changes.
 */
@Component({
  selector: 'tc-standing-order-form-page',
  imports: [
    DisplayDatePipe,
    ErrorState,
    LoadingState,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './standing-order-form-page.html',
  styleUrl: './standing-order-form-page.scss',
})
export class StandingOrderFormPage {
  private readonly api = inject(StandingOrdersApi);
  private readonly orders = inject(OrdersApi);
  private readonly templates = inject(TemplatesApi);
  private readonly accounts = inject(AccountsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter of /standing-orders/:id/edit. */
  readonly id = input<string | undefined>(undefined);
  /** Query parameters of /standing-orders/new. */
  readonly fromOrder = input('', { transform: textParam });
  readonly fromTemplate = input('', { transform: textParam });

  readonly today = localIsoDate();
  readonly todayDate = dateFromIso(this.today);
  readonly weekdays = ISO_WEEKDAYS;
  readonly weekdayNames = WEEKDAY_NAMES;
  readonly monthDays = MONTH_DAYS;
  readonly monthDayWords = monthDayWords;
  readonly poTokens = PO_PATTERN_TOKENS.join(' ');
  readonly fieldError = fieldError;
  readonly lineColumns = ['product', 'quantity', 'remove'];

  private readonly request = computed(() => ({
    id: this.id(),
    fromOrder: this.fromOrder(),
    fromTemplate: this.fromTemplate(),
  }));
  readonly source = toSignal(loadOnEach(toObservable(this.request), (request) => this.load(request)));
  readonly loaded = computed(() => this.source()?.value);
  readonly editing = computed(() => !!this.id());
  private readonly accountId = computed(() => this.loaded()?.accountId);
  /** The account asks a PO number of every order: each run needs one, so the pattern is required. */
  readonly requiresPo = toSignal(
    toObservable(this.accountId).pipe(
      switchMap((accountId) =>
        accountId
          ? this.accounts.get(accountId).pipe(
              map((account) => account.requiresPo),
              catchError(() => of(false)),
            )
          : of(false),
      ),
    ),
    { initialValue: false },
  );
  readonly addresses = toSignal(
    toObservable(this.accountId).pipe(
      switchMap((accountId) =>
        accountId ? this.accounts.addresses(accountId).pipe(catchError(() => of([] as Address[]))) : of([]),
      ),
    ),
    { initialValue: [] as Address[] },
  );

  readonly lines = new FormArray<LineGroup>([], Validators.required);
  /** The line rows on screen (the table re-renders when one is removed). */
  readonly lineRows = signal<LineGroup[]>([]);
  readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    lines: this.lines,
    shippingAddressId: ['', Validators.required],
    poPattern: ['', poPatternValidator],
    every: this.fb.control<'week' | 'month'>('week'),
    interval: this.fb.control<number | string>(1, [
      Validators.required,
      integerValidator(),
      Validators.min(1),
    ]),
    weekday: this.fb.control(scheduleToForm({ every: 'week', interval: 1, weekday: 1 }).weekday),
    dayOfMonth: this.fb.control<number | 'last'>(1),
    startDate: new FormControl<Date | null>(null),
    endDate: new FormControl<Date | null>(null),
  });
  private readonly formValue = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  readonly schedule = computed(() => {
    const value = this.formValue();
    return scheduleFromForm({
      every: value.every,
      interval: value.interval,
      weekday: value.weekday,
      dayOfMonth: value.dayOfMonth,
    });
  });
  readonly scheduleWords = computed(() => scheduleInWords(this.schedule()));
  readonly startIso = computed(() => {
    const start = this.formValue().startDate;
    return start ? localIsoDate(start) : this.today;
  });
  readonly endIso = computed(() => {
    const end = this.formValue().endDate;
    return end ? localIsoDate(end) : null;
  });
  /** The next six dates the schedule as typed would run on, or why it has none. */
  readonly preview = computed(() =>
    previewRuns(
      {
        schedule: this.schedule(),
        startDate: this.startIso(),
        endDate: this.endIso(),
        skippedDates: this.loaded()?.skippedDates ?? [],
      },
      this.today,
      6,
    ),
  );
  readonly poExample = computed(() => {
    const date = this.preview().dates[0] ?? this.startIso();
    return { date, po: poExample(this.formValue().poPattern, date) };
  });
  readonly inactiveLines = computed(() => {
    this.formValue();
    return this.lineRows().filter((row) => !row.controls.active.value).length;
  });

  readonly saving = signal(false);
  readonly error = signal('');

  constructor() {
    effect(() => {
      const source = this.loaded();
      if (source) untracked(() => this.fill(source));
    });
    effect(() => {
      const required = this.requiresPo();
      const control = this.form.controls.poPattern;
      untracked(() => {
        if (required) control.addValidators(Validators.required);
        else control.removeValidators(Validators.required);
        control.updateValueAndValidity();
      });
    });
    effect(() => {
      const addresses = this.addresses();
      const control = this.form.controls.shippingAddressId;
      if (!control.value && addresses[0]) untracked(() => control.setValue(addresses[0].id));
    });
  }

  removeLine(index: number): void {
    this.lines.removeAt(index);
    this.lineRows.set([...this.lines.controls]);
  }

  addressText(address: Address): string {
    return [address.line1, address.city, address.postcode].filter(Boolean).join(', ');
  }

  monthDayLabel(day: number | 'last'): string {
    return day === 'last' ? 'Last day of the month' : String(day);
  }

  save(): void {
    if (this.saving()) return;
    const scheduleProblem = this.preview().problem;
    if (this.form.invalid || scheduleProblem) {
      this.form.markAllAsTouched();
      this.error.set(
        !this.lines.length
          ? 'Keep at least one line.'
          : (scheduleProblem ?? 'Check the fields marked in red.'),
      );
      return;
    }
    const source = this.loaded();
    if (!source) return;
    this.saving.set(true);
    this.error.set('');
    const id = this.id();
    const body = this.body();
    // Staff make it for the order's account; a customer's is always their own.
    const staff = this.auth.hasRole(INTERNAL_ROLES);
    const request: Observable<StandingOrder> = id
      ? this.api.update(id, body)
      : this.api.create(staff ? { ...body, accountId: source.accountId } : body);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        void this.router.navigate(['/standing-orders', saved.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(formProblemText(error, this.form) || 'Check the fields marked in red.');
      },
    });
  }

  private body(): CreateStandingOrderRequest & UpdateStandingOrderRequest {
    const value = this.form.getRawValue();
    const start = value.startDate ? localIsoDate(value.startDate) : null;
    return {
      name: value.name.trim(),
      lines: value.lines.map((line) => ({ productId: line.productId, quantity: Number(line.quantity) })),
      shippingAddressId: value.shippingAddressId,
      poPattern: value.poPattern.trim() || null,
      schedule: this.schedule(),
      // Sent when chosen (new) or changed (edit): an earlier start that has passed stays as it is.
      ...(start && start !== this.loaded()?.startDate ? { startDate: start } : {}),
      endDate: value.endDate ? localIsoDate(value.endDate) : null,
    };
  }

  private fill(source: StandingOrderSource): void {
    this.lines.clear();
    for (const line of source.lines) this.lines.push(this.lineGroup(line));
    this.lineRows.set([...this.lines.controls]);
    const schedule = scheduleToForm(source.schedule);
    this.form.patchValue({
      name: source.name,
      shippingAddressId: source.shippingAddressId ?? this.addresses()[0]?.id ?? '',
      poPattern: source.poPattern ?? '',
      ...schedule,
      startDate: source.startDate ? dateFromIso(source.startDate) : null,
      endDate: source.endDate ? dateFromIso(source.endDate) : null,
    });
  }

  private lineGroup(line: SourceLine): LineGroup {
    return this.fb.group({
      productId: [line.productId],
      sku: [line.sku],
      name: [line.name],
      active: [line.active],
      quantity: [line.quantity, [Validators.required, integerValidator(), Validators.min(1)]],
    });
  }

  private load(request: {
    id?: string;
    fromOrder: string;
    fromTemplate: string;
  }): Observable<StandingOrderSource> {
    if (request.id) return this.api.get(request.id).pipe(map(sourceFromStandingOrder));
    if (request.fromOrder) return this.orders.get(request.fromOrder).pipe(map(sourceFromOrder));
    if (request.fromTemplate) {
      const accountId = this.auth.user()?.accountId ?? '';
      return this.templates.get(request.fromTemplate).pipe(map((t) => sourceFromTemplate(t, accountId)));
    }
    return throwError(
      () =>
        new HttpErrorResponse({
          status: 400,
          error: {
            type: 'about:blank',
            title: 'Nothing to start from',
            status: 400,
            detail: 'Open a past order or a template and choose “Make it a standing order”.',
          },
        }),
    );
  }

  /** The earliest start to pick: today, or the saved start when editing one that began earlier. */
  minStart(): Date {
    const saved = this.loaded()?.startDate;
    return saved && saved < this.today ? dateFromIso(saved) : this.todayDate;
  }

  /** For the template: the date after which no run is placed must not be before the start. */
  minEnd(): Date {
    return this.formValue().startDate ?? this.todayDate;
  }
}
