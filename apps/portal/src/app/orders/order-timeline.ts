import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderEvent } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { humanize } from '../shared/labels';
import { orderStatusLabel } from './order-status';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** The order's history, newest first: who, when, from → to, why. */
@Component({
  selector: 'tc-order-timeline',
  imports: [DisplayDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" aria-label="Order history">
      @for (e of newestFirst(); track $index) {
        <li>
          <span class="dot" aria-hidden="true"></span>
          <div>
            <div class="what">{{ what(e) }}</div>
            <div class="tc-muted meta">
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
    .timeline {
      list-style: none;
      margin: 0;
      padding: 16px 20px;
    }
    .timeline > li {
      display: flex;
      gap: 12px;
      padding-bottom: 14px;
      position: relative;
    }
    .timeline > li:not(:last-child)::before {
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
  /** Newest first; events of one moment (an override and its shipment) keep their order, reversed. */
  readonly newestFirst = computed(() =>
    [...this.events()].reverse().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  );

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
