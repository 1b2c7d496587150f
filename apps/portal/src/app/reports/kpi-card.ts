import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Kpi } from './summary-kpis';

const ARROWS = { up: 'trending_up', down: 'trending_down', flat: 'trending_flat' } as const;
const TONE_WORDS = { good: 'better', bad: 'worse', neutral: '' } as const;

/** A headline figure, its change on the period before (coloured by what the change means), and a note. */
@Component({
  selector: 'tc-kpi-card',
  imports: [MatIconModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let k = kpi();
    <div class="card" role="group" tabindex="0" [matTooltip]="k.hint" [attr.aria-label]="summary()">
      <span class="label">{{ k.label }}</span>
      <strong class="value" [class.long]="k.value.length > 11" [attr.data-testid]="'kpi-' + k.key">{{
        k.value
      }}</strong>
      @if (k.trend.direction !== 'none') {
        <span class="trend" [class]="'trend ' + k.trend.tone">
          <mat-icon [svgIcon]="arrow()" aria-hidden="true" />
          {{ k.trend.change }}
          <span class="tc-muted">vs {{ k.previous }}</span>
        </span>
      } @else {
        <span class="trend tc-muted">{{ k.key === 'backlog' ? 'Today' : 'No comparison' }}</span>
      }
      @if (k.note) {
        <span class="note tc-muted">{{ k.note }}</span>
      }
    </div>
  `,
  styles: `
    .card {
      display: flex;
      flex-direction: column;
      gap: 4px;
      height: 100%;
      box-sizing: border-box;
      padding: 14px 16px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      outline: none;
      &:focus-visible {
        border-color: var(--mat-sys-primary);
        box-shadow: 0 0 0 1px var(--mat-sys-primary);
      }
    }
    .label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
      &.long {
        /* Eight-figure sums stay on one line in the narrowest card. */
        font-size: 18px;
      }
    }
    .trend {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px;
      font: var(--mat-sys-body-medium);
      font-variant-numeric: tabular-nums;
    }
    mat-icon {
      width: 20px;
      height: 20px;
    }
    .good {
      color: #1b6e2d;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .neutral {
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class KpiCard {
  readonly kpi = input.required<Kpi>();
  readonly arrow = computed(() => {
    const direction = this.kpi().trend.direction;
    return direction === 'none' ? '' : ARROWS[direction];
  });
  /** What a screen reader hears: the figure, the change and whether it is better or worse. */
  readonly summary = computed(() => {
    const k = this.kpi();
    const change =
      k.trend.direction === 'none'
        ? ''
        : `, ${k.trend.change} against ${k.previous} the period before${TONE_WORDS[k.trend.tone] ? ` (${TONE_WORDS[k.trend.tone]})` : ''}`;
    return `${k.label}: ${k.value}${change}${k.note ? `. ${k.note}` : ''}`;
  });
}
