import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { IsoDate, NamedHoliday } from '@tradecounter/contracts';
import { formatDay } from '../availability/promise-dates';
import { ErrorState } from '../shared/error-state';
import { loadable } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { WarehousesApi } from './warehouses-api';

export interface PublicHolidaysDialogData {
  year: number;
  /** The working copy: dates already listed are shown as such. */
  current: readonly NamedHoliday[];
}

/** Closes with the public holidays chosen, to merge into the working copy (saved with the page's Save). */
export type PublicHolidaysDialogResult = { date: IsoDate; name: string }[] | undefined;

/** Previews the configured country's public holidays for a year (date-holidays, on the API); the admin picks. */
@Component({
  selector: 'tc-public-holidays-dialog',
  imports: [MatButtonModule, MatCheckboxModule, MatDialogModule, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Public holidays for {{ data.year }}</h2>
    <mat-dialog-content>
      @let s = state();
      @if (s?.problem; as problem) {
        <tc-error-state [problem]="problem" />
      } @else if (s?.value; as preview) {
        <p class="tc-muted">
          {{ preview.countryName }} ({{ preview.country }}), public holidays on weekdays. Tick those your
          warehouses close for; nothing is saved until you save the calendar.
        </p>
        <ul class="choices" [attr.aria-label]="'Public holidays for ' + data.year">
          @for (h of preview.holidays; track h.date) {
            <li>
              <mat-checkbox [checked]="chosen().has(h.date)" (change)="toggle(h.date, $event.checked)">
                <span class="day">{{ day(h.date) }}</span> · {{ h.name }}
              </mat-checkbox>
              @if (listed().has(h.date)) {
                <span class="tc-muted">already listed</span>
              }
            </li>
          }
        </ul>
        @if (preview.weekend.length > 0) {
          <p class="tc-muted weekend">
            On a weekend, never a business day anyway:
            @for (h of preview.weekend; track h.date; let last = $last) {
              {{ h.name }} ({{ day(h.date) }}){{ last ? '.' : ';' }}
            }
          </p>
        }
      } @else {
        <tc-loading-state label="Loading public holidays…" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [disabled]="picked().length === 0" (click)="add()">
        Add {{ picked().length }} {{ picked().length === 1 ? 'holiday' : 'holidays' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .choices {
      list-style: none;
      margin: 0;
      padding: 0;
      li {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0 8px;
      }
    }
    .day {
      font-variant-numeric: tabular-nums;
      font-weight: 500;
    }
    .weekend {
      margin-top: 12px;
    }
  `,
})
export class PublicHolidaysDialog {
  private readonly api = inject(WarehousesApi);
  private readonly dialogRef =
    inject<MatDialogRef<PublicHolidaysDialog, PublicHolidaysDialogResult>>(MatDialogRef);
  readonly data = inject<PublicHolidaysDialogData>(MAT_DIALOG_DATA);
  readonly day = (date: IsoDate) => formatDay(date, '');
  readonly state = toSignal(loadable(this.api.publicHolidays(this.data.year)));
  readonly listed = computed(() => new Set(this.data.current.map((holiday) => holiday.date)));
  /** Every holiday ticked at first. */
  private readonly unticked = signal(new Set<IsoDate>());
  readonly chosen = computed(
    () =>
      new Set(
        (this.state()?.value?.holidays ?? [])
          .map((holiday) => holiday.date)
          .filter((date) => !this.unticked().has(date)),
      ),
  );
  readonly picked = computed(() =>
    (this.state()?.value?.holidays ?? []).filter((holiday) => this.chosen().has(holiday.date)),
  );

  toggle(date: IsoDate, on: boolean): void {
    this.unticked.update((dates) => {
      const next = new Set(dates);
      if (on) next.delete(date);
      else next.add(date);
      return next;
    });
  }

  add(): void {
    this.dialogRef.close(this.picked());
  }
}
