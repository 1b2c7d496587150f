import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/**
 * "No holidays for 2027": promises count that year's Christmas as a
 * business day until its holidays are loaded. The years come from the
 * domain's `yearsWithoutHolidays`.
 */
@Component({
  selector: 'tc-holiday-coverage-warning',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (year of years(); track year) {
      <div class="warning" role="status" [attr.data-missing-year]="year">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <span class="text">
          <strong>No holidays for {{ year }}.</strong>
          Christmas {{ year }} can be promised as a delivery day.
          @if (!canEdit()) {
            Ask an administrator to load {{ year }}'s public holidays.
          }
        </span>
        @if (canEdit()) {
          @if (linkToCalendar()) {
            <a mat-stroked-button routerLink="/calendar" [queryParams]="{ load: year }"
              >Load {{ year }}'s holidays</a
            >
          } @else {
            <button mat-stroked-button type="button" (click)="loadYear.emit(year)">
              Load public holidays for {{ year }}
            </button>
          }
        }
      </div>
    }
  `,
  styles: `
    .warning {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 12px;
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .text {
      flex: 1 1 260px;
    }
  `,
})
export class HolidayCoverageWarning {
  readonly years = input.required<number[]>();
  readonly canEdit = input(false);
  /** On other pages the action leads to the calendar; there, it opens the loader. */
  readonly linkToCalendar = input(false);
  readonly loadYear = output<number>();
}
