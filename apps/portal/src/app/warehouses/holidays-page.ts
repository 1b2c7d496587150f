import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
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
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute } from '@angular/router';
import type { IsoDate, NamedHoliday } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { dayOfWeek, yearsWithoutHolidays } from '@tradecounter/domain';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { HolidayCoverageWarning } from './holiday-coverage-warning';
import { holidayChanges, mergeHolidays, yearsToShow } from './holiday-list';
import {
  PublicHolidaysDialog,
  type PublicHolidaysDialogData,
  type PublicHolidaysDialogResult,
} from './public-holidays-dialog';
import { WarehousesApi } from './warehouses-api';

const byDate = (a: NamedHoliday, b: NamedHoliday) => a.date.localeCompare(b.date);

/**
 * The business calendar: named holidays besides weekends. Administrators
 * add them one by one or load a year's public holidays, then save the list.
 */
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
    HolidayCoverageWarning,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './holidays-page.html',
  styleUrl: './holidays-page.scss',
})
export class HolidaysPage {
  private readonly api = inject(WarehousesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly reloads = signal(0);

  readonly canEdit = computed(() => this.auth.hasRole(['admin']));
  readonly today = localIsoDate();
  readonly day = (date: IsoDate) => formatDay(date, '');
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.namedHolidays()));
  /** As saved on the server. */
  readonly saved = computed(() => [...(this.state()?.value ?? [])].sort(byDate));
  /** The working copy, reset whenever the saved list is (re)read. */
  readonly holidays = linkedSignal(() => this.saved());
  readonly dates = computed(() => this.holidays().map((holiday) => holiday.date));
  readonly changes = computed(() => holidayChanges(this.saved(), this.holidays()));
  readonly dirty = computed(() => {
    const { added, removed, renamed } = this.changes();
    return added.length + removed.length + renamed.length > 0;
  });
  /** This year or next with no saved holiday: their Christmas would be promised. */
  readonly missingYears = computed(() =>
    this.state()?.value
      ? yearsWithoutHolidays(
          this.saved().map((h) => h.date),
          this.today,
        )
      : [],
  );
  readonly saving = signal(false);
  readonly saveError = signal('');

  readonly year = signal(Number(this.today.slice(0, 4)));
  readonly years = computed(() => yearsToShow(this.dates(), Number(this.today.slice(0, 4))));
  readonly shown = computed(() =>
    this.holidays().filter((holiday) => holiday.date.startsWith(`${this.year()}-`)),
  );

  readonly newDate = new FormControl<Date | null>(null, Validators.required);
  readonly newName = new FormControl('', { nonNullable: true, validators: Validators.maxLength(100) });
  readonly addForm = new FormGroup({ date: this.newDate, name: this.newName });
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

  constructor() {
    // From the warehouses page's warning: /calendar?load=2027 opens the loader once the list is read.
    const asked = Number(this.route.snapshot.queryParamMap.get('load'));
    let opened = false;
    effect(() => {
      if (opened || !this.canEdit() || !Number.isInteger(asked) || asked < 1970 || !this.state()?.value)
        return;
      opened = true;
      untracked(() => this.loadPublic(asked));
    });
  }

  add(): void {
    const date = this.newDate.value;
    if (this.addForm.invalid || !date) {
      this.addForm.markAllAsTouched();
      return;
    }
    const iso = localIsoDate(date);
    const name = this.newName.value.trim() || null;
    this.holidays.update((holidays) => [...holidays, { date: iso, name }].sort(byDate));
    this.year.set(Number(iso.slice(0, 4)));
    // resetForm also clears "submitted", so the emptied field shows no error.
    this.addFormDirective()?.resetForm();
  }

  remove(date: IsoDate): void {
    this.holidays.update((holidays) => holidays.filter((holiday) => holiday.date !== date));
  }

  /** Previews the public holidays of `year` and merges those picked into the working copy. */
  loadPublic(year: number): void {
    this.dialog
      .open<PublicHolidaysDialog, PublicHolidaysDialogData, PublicHolidaysDialogResult>(
        PublicHolidaysDialog,
        {
          data: { year, current: this.holidays() },
          width: '560px',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((picked) => {
        if (!picked?.length) return;
        this.holidays.update((holidays) => mergeHolidays(holidays, picked));
        this.year.set(year);
      });
  }

  discard(): void {
    this.holidays.set(this.saved());
    this.saveError.set('');
  }

  save(): void {
    if (this.saving() || !this.dirty()) return;
    this.saving.set(true);
    this.saveError.set('');
    const { added, removed, renamed } = this.changes();
    this.api.replaceHolidays(this.holidays()).subscribe({
      next: () => {
        this.saving.set(false);
        const names = renamed.length > 0 ? `, ${renamed.length} renamed` : '';
        this.snackBar.open(
          `Holiday calendar saved (${added.length} added, ${removed.length} removed${names})`,
          'Dismiss',
          { duration: 6000 },
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
