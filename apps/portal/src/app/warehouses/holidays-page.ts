import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule, type MatCalendarCellClassFunction } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { IsoDate } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { dayOfWeek } from '@tradecounter/domain';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { holidayChanges, yearsToShow } from './holiday-list';
import { WarehousesApi } from './warehouses-api';

/** The business calendar: public holidays besides weekends. Administrators edit; saving replaces the list. */
@Component({
  selector: 'tc-holidays-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './holidays-page.html',
  styleUrl: './holidays-page.scss',
})
export class HolidaysPage {
  private readonly api = inject(WarehousesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  private readonly reloads = signal(0);

  readonly canEdit = computed(() => this.auth.hasRole(['admin']));
  readonly today = localIsoDate();
  readonly day = (date: IsoDate) => formatDay(date, '');
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.holidays()));
  /** As saved on the server. */
  readonly saved = computed(() => [...(this.state()?.value ?? [])].sort());
  /** The working copy, reset whenever the saved list is (re)read. */
  readonly dates = linkedSignal(() => this.saved());
  readonly changes = computed(() => holidayChanges(this.saved(), this.dates()));
  readonly dirty = computed(() => this.changes().added.length + this.changes().removed.length > 0);
  readonly saving = signal(false);
  readonly saveError = signal('');

  readonly year = signal(Number(this.today.slice(0, 4)));
  readonly years = computed(() => yearsToShow(this.dates(), Number(this.today.slice(0, 4))));
  readonly shown = computed(() => this.dates().filter((date) => date.startsWith(`${this.year()}-`)));

  readonly newDate = new FormControl<Date | null>(null, Validators.required);
  readonly addForm = new FormGroup({ date: this.newDate });
  private readonly addFormDirective = viewChild(FormGroupDirective);
  /** Weekends are never business days, and a date is listed once. */
  readonly selectable = (date: Date | null): boolean => {
    if (!date) return false;
    const iso = localIsoDate(date);
    const weekday = dayOfWeek(iso);
    return weekday !== 0 && weekday !== 6 && !this.dates().includes(iso);
  };
  readonly holidayClass: MatCalendarCellClassFunction<Date> = (date, view) =>
    view === 'month' && this.dates().includes(localIsoDate(date)) ? 'tc-holiday-cell' : '';

  add(): void {
    const date = this.newDate.value;
    if (this.newDate.invalid || !date) {
      this.newDate.markAsTouched();
      return;
    }
    const iso = localIsoDate(date);
    this.dates.update((dates) => [...dates, iso].sort());
    this.year.set(Number(iso.slice(0, 4)));
    // resetForm also clears "submitted", so the emptied field shows no error.
    this.addFormDirective()?.resetForm();
  }

  remove(date: IsoDate): void {
    this.dates.update((dates) => dates.filter((d) => d !== date));
  }

  discard(): void {
    this.dates.set(this.saved());
    this.saveError.set('');
  }

  save(): void {
    if (this.saving() || !this.dirty()) return;
    this.saving.set(true);
    this.saveError.set('');
    const { added, removed } = this.changes();
    this.api.replaceHolidays(this.dates()).subscribe({
      next: () => {
        this.saving.set(false);
        this.snackBar.open(
          `Holiday calendar saved (${added.length} added, ${removed.length} removed)`,
          'Dismiss',
        );
        this.reloads.update((n) => n + 1);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(problemMessage(toProblem(error)));
      },
    });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  dateError(): string {
    if (this.newDate.hasError('matDatepickerParse')) return 'Enter a date, or pick one from the calendar';
    if (this.newDate.hasError('matDatepickerFilter'))
      return 'Weekends are never business days, and each date is listed once';
    if (this.newDate.hasError('required')) return 'Pick a date to add';
    return '';
  }
}
