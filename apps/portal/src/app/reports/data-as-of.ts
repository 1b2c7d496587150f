import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { dataFreshness, formatLag, STALE_AFTER_SECONDS } from './data-freshness';

/**
 * "Data as of 14:02:31" under a dashboard's heading: the oldest `asOf` of
 * its answers (reports may read a replica that lags the primary), with a
 * warning when that was more than a minute behind as it arrived.
 */
@Component({
  selector: 'tc-data-as-of',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (freshness(); as f) {
      <p class="as-of tc-muted" data-testid="data-as-of">
        Data as of {{ f.label }}
        @if (f.stale) {
          <span class="tc-warning-chip" role="status" [attr.title]="staleTitle">
            <mat-icon svgIcon="warning" aria-hidden="true" />{{ lag(f.behindSeconds) }} behind
          </span>
        }
      </p>
    }
  `,
  styles: `
    .as-of {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DataAsOf {
  /** The `asOf` of each answer on the page; undefined for those still loading. */
  readonly asOfs = input.required<(string | undefined)[]>();

  /** Measured when the answers change: how far behind they were as they arrived. */
  readonly freshness = computed(() => dataFreshness(this.asOfs(), new Date()));
  readonly staleTitle = `Reports read a copy of the database that is more than ${STALE_AFTER_SECONDS} s behind: the latest orders may be missing`;
  readonly lag = formatLag;
}
