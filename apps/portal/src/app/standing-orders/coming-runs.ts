import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { IsoDate, StandingOrder } from '@tradecounter/contracts';
import { dayOfWeek } from '@tradecounter/domain';
import { DisplayDatePipe } from '../shared/date.pipe';
import { poExample } from './po-pattern';
import { comingRuns } from './run-calendar-days';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The calendar of coming runs: each date as a calendar leaf, the next run
 * marked, skipped dates struck through, and Skip / Undo skip per date.
 */
@Component({
  selector: 'tc-coming-runs',
  imports: [DisplayDatePipe, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-card" aria-labelledby="coming-runs-title">
      <h2 id="coming-runs-title" class="title">Coming runs</h2>
      @if (runs().length === 0) {
        <p class="none tc-muted">{{ noneText() }}</p>
      } @else {
        <ol class="runs" aria-label="Coming run dates">
          @for (run of runs(); track run.date) {
            <li
              class="run"
              [class.skipped]="run.skipped"
              [class.next]="run.date === order().nextRunDate"
              [attr.data-run-date]="run.date"
            >
              <span class="leaf" aria-hidden="true">
                <span class="month">{{ month(run.date) }}</span>
                <span class="day">{{ day(run.date) }}</span>
                <span class="weekday">{{ weekday(run.date) }}</span>
              </span>
              <span class="text">
                <span class="date">{{ run.date | displayDate }}</span>
                <span class="state">
                  @if (run.skipped) {
                    Skipped: no order that day
                  } @else if (run.date === order().nextRunDate) {
                    Next run{{ po(run.date) }}
                  } @else {
                    Places an order{{ po(run.date) }}
                  }
                </span>
              </span>
              @if (canChange()) {
                @if (run.skipped) {
                  <button
                    mat-button
                    type="button"
                    [disabled]="busy()"
                    (click)="unskip.emit(run.date)"
                    [attr.aria-label]="'Undo skip of ' + (run.date | displayDate)"
                  >
                    Undo skip
                  </button>
                } @else {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    (click)="skip.emit(run.date)"
                    [attr.aria-label]="'Skip the run of ' + (run.date | displayDate)"
                  >
                    Skip
                  </button>
                }
              }
            </li>
          }
        </ol>
      }
    </section>
  `,
  styles: `
    .title {
      font: var(--mat-sys-title-medium);
      padding: 16px 20px 4px;
    }
    .none {
      padding: 8px 20px 20px;
      margin: 0;
    }
    .runs {
      list-style: none;
      margin: 0;
      padding: 4px 8px 12px;
    }
    .run {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 8px 12px;
      border-radius: 8px;
    }
    .run + .run {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .run.next {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .leaf {
      display: flex;
      flex-direction: column;
      align-items: center;
      width: 52px;
      flex: 0 0 52px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      line-height: 1.1;
    }
    .month {
      width: 100%;
      text-align: center;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      padding: 2px 0;
      text-transform: uppercase;
    }
    .day {
      font: var(--mat-sys-title-large);
      padding-top: 2px;
    }
    .weekday {
      font: var(--mat-sys-label-small);
      padding-bottom: 3px;
    }
    /* Muted by a dashed edge and greys that keep text contrast at AA (an opacity would not). */
    .skipped .leaf {
      border-style: dashed;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
    .skipped .month {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .text {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-width: 0;
    }
    .date {
      font: var(--mat-sys-body-large);
    }
    .skipped .date {
      text-decoration: line-through;
    }
    .state {
      font: var(--mat-sys-body-small);
    }
    .run:not(.next) .state {
      color: var(--mat-sys-on-surface-variant);
    }
    .next .state {
      font-weight: 500;
    }
  `,
})
export class ComingRuns {
  readonly order = input.required<StandingOrder>();
  /** Whether this user may skip and unskip (not the manager's read-only view). */
  readonly canChange = input(false);
  readonly busy = input(false);
  readonly count = input(6);
  readonly skip = output<IsoDate>();
  readonly unskip = output<IsoDate>();

  readonly runs = computed(() => comingRuns(this.order().nextRuns, this.order().skippedDates, this.count()));
  readonly noneText = computed(() => {
    const order = this.order();
    if (order.status === 'paused' && !order.resumeOn) return 'Paused: no run until it is resumed.';
    return order.endDate ? 'No more runs: the schedule has ended.' : 'No run is planned.';
  });

  day(date: IsoDate): number {
    return Number(date.slice(8, 10));
  }

  month(date: IsoDate): string {
    return MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  }

  weekday(date: IsoDate): string {
    return WEEKDAYS[dayOfWeek(date)] ?? '';
  }

  po(date: IsoDate): string {
    const po = poExample(this.order().poPattern, date);
    return po ? ` · PO ${po}` : '';
  }
}
