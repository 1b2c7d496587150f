import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderEvent } from '@tradecounter/contracts';
import { humanize } from '../shared/labels';
import { orderStatusLabel } from './order-status';

/** The order's history, newest first: who, when, from → to, why. */
@Component({
  selector: 'tc-order-timeline',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" aria-label="Order history">
      @for (e of newestFirst(); track $index) {
        <li>
          <span class="dot" aria-hidden="true"></span>
          <div>
            <div class="what">{{ what(e) }}</div>
            <div class="tc-muted meta">
              <time [attr.datetime]="e.at">{{ e.at | date: 'EEE d MMM y, HH:mm' }}</time> ·
              {{ e.by?.name ?? 'System' }}
            </div>
            @if (e.reason) {
              <div class="why">“{{ e.reason }}”</div>
            }
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 16px 20px;
    }
    li {
      display: flex;
      gap: 12px;
      padding-bottom: 14px;
      position: relative;
    }
    li:not(:last-child)::before {
      content: '';
      position: absolute;
      left: 5px;
      top: 14px;
      bottom: 0;
      width: 2px;
      background: var(--mat-sys-outline-variant);
    }
    .dot {
      flex: 0 0 auto;
      width: 12px;
      height: 12px;
      margin-top: 4px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .what {
      font: var(--mat-sys-title-small);
    }
    .meta,
    .why {
      font: var(--mat-sys-body-small);
    }
    .why {
      margin-top: 2px;
    }
  `,
})
export class OrderTimeline {
  readonly events = input.required<readonly OrderEvent[]>();
  readonly newestFirst = computed(() =>
    [...this.events()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  );

  what(event: OrderEvent): string {
    if (event.from === null && event.to) return `Placed — ${orderStatusLabel(event.to)}`;
    if (event.from && event.to && event.from !== event.to) {
      return `${orderStatusLabel(event.from)} → ${orderStatusLabel(event.to)}`;
    }
    if (event.kind === 'repromised') return 'Delivery date changed';
    return humanize(event.kind);
  }
}
