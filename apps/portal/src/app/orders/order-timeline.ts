import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderEvent } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { humanize } from '../shared/labels';
import { newestFirst } from '../shared/newest-first';
import { orderStatusLabel } from './order-status';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** The order's history, newest first: who, when, from → to, why. */
@Component({
  selector: 'tc-order-timeline',
  imports: [DisplayDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="tc-timeline" aria-label="Order history">
      @for (e of newestFirst(); track $index) {
        <li>
          <span class="tc-timeline-dot" aria-hidden="true"></span>
          <div>
            <div class="tc-timeline-what">{{ what(e) }}</div>
            <div class="tc-muted tc-timeline-meta">
              <time [attr.datetime]="e.at">{{ e.at | displayDateTime }}</time> ·
              {{ e.by?.name ?? 'System' }}
            </div>
            @if (e.changes?.length) {
              <ul class="changes" aria-label="Lines whose delivery date changed">
                @for (c of e.changes; track c.lineNo) {
                  <li>
                    Line {{ c.lineNo }} · <span class="tc-mono">{{ c.sku }}</span>: <s>{{ day(c.from) }}</s> →
                    <strong [class.later]="c.to > c.from">{{ day(c.to) }}</strong>
                  </li>
                }
              </ul>
            }
            @if (e.reason) {
              <div class="why">“{{ e.reason }}”</div>
            }
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    .why {
      margin-top: 2px;
      font: var(--mat-sys-body-small);
    }
    .changes {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      font: var(--mat-sys-body-medium);
    }
    .later {
      color: var(--mat-sys-error);
    }
  `,
})
export class OrderTimeline {
  readonly events = input.required<readonly OrderEvent[]>();
  readonly newestFirst = computed(() => newestFirst(this.events()));

  private readonly today = localIsoDate();

  day(date: string): string {
    return formatDay(date, this.today);
  }

  what(event: OrderEvent): string {
    if (event.from === null && event.to) return `Placed — ${orderStatusLabel(event.to)}`;
    if (event.from && event.to && event.from !== event.to) {
      return `${orderStatusLabel(event.from)} → ${orderStatusLabel(event.to)}`;
    }
    if (event.kind === 'shipment') return 'Shipment sent';
    if (event.kind === 'delivered') return 'Shipment delivered';
    if (event.kind === 'repromised') {
      const later = event.changes?.some((change) => change.to > change.from);
      return later === false ? 'Delivery brought forward' : 'Delivery date changed';
    }
    return humanize(event.kind);
  }
}
