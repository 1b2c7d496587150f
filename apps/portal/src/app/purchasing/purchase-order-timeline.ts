import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PurchaseOrderEvent, PurchaseOrderLine } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { humanize } from '../shared/labels';
import { newestFirst } from '../shared/newest-first';
import { eventDetail } from './purchase-order-events';

const KIND_WORDS: Record<string, string> = {
  created: 'Drafted',
  updated: 'Draft changed',
  sent: 'Sent to the supplier',
  received: 'Received',
  rescheduled: 'Expected date moved',
  closed: 'Closed short',
  cancelled: 'Cancelled',
};

/** The purchase order's history, newest first: what, who, when, why. */
@Component({
  selector: 'tc-purchase-order-timeline',
  imports: [DisplayDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (events().length) {
      <ol class="tc-timeline" aria-label="Purchase order history">
        @for (e of events(); track $index) {
          <li>
            <span class="tc-timeline-dot" aria-hidden="true"></span>
            <div>
              <div class="tc-timeline-what">{{ what(e) }}</div>
              <div class="tc-muted tc-timeline-meta">
                <time [attr.datetime]="e.at">{{ e.at | displayDateTime }}</time> ·
                {{ e.by?.name ?? 'System' }}
              </div>
              @if (detail(e); as d) {
                <div class="small">{{ d }}</div>
              }
              @if (e.reason) {
                <div class="small">“{{ e.reason }}”</div>
              }
            </div>
          </li>
        }
      </ol>
    } @else {
      <p class="none tc-muted">Nothing has happened yet.</p>
    }
  `,
  styles: `
    .small {
      font: var(--mat-sys-body-small);
    }
    .none {
      padding: 16px 20px;
      margin: 0;
    }
  `,
})
export class PurchaseOrderTimeline {
  readonly history = input.required<readonly PurchaseOrderEvent[]>();
  readonly lines = input.required<readonly PurchaseOrderLine[]>();
  readonly events = computed(() => newestFirst(this.history()));

  what(event: PurchaseOrderEvent): string {
    return KIND_WORDS[event.kind] ?? humanize(event.kind);
  }

  detail(event: PurchaseOrderEvent): string {
    return eventDetail(event, this.lines());
  }
}
