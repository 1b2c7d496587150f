import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SalesQuoteEvent } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { humanize } from '../shared/labels';
import { newestFirst } from '../shared/newest-first';

const KIND_WORDS: Record<string, string> = {
  requested: 'Quote requested',
  quoted: 'Prices quoted',
  revised: 'Prices revised',
  changes_requested: 'Changes requested',
  accepted: 'Accepted — order placed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** The quote's history, newest first: what, which revision, who, when, why. */
@Component({
  selector: 'tc-quote-timeline',
  imports: [DisplayDateTimePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (newestFirst().length) {
      <ol class="tc-timeline" aria-label="Quote history">
        @for (e of newestFirst(); track $index) {
          <li>
            <span class="tc-timeline-dot" aria-hidden="true"></span>
            <div>
              <div class="tc-timeline-what">
                {{ what(e) }} <span class="tc-muted rev">· revision {{ e.revision }}</span>
              </div>
              <div class="tc-muted tc-timeline-meta">
                <time [attr.datetime]="e.at">{{ e.at | displayDateTime }}</time> ·
                {{ e.by?.name ?? 'System' }}
              </div>
              @if (e.reason) {
                <div class="why">“{{ e.reason }}”</div>
              }
              @if (e.orderId) {
                <a class="order" [routerLink]="['/orders', e.orderId]">See the order</a>
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
    .rev,
    .why,
    .order {
      font: var(--mat-sys-body-small);
    }
    .none {
      padding: 16px 20px;
      margin: 0;
    }
  `,
})
export class QuoteTimeline {
  readonly events = input.required<readonly SalesQuoteEvent[]>();
  readonly newestFirst = computed(() => newestFirst(this.events()));

  what(event: SalesQuoteEvent): string {
    return KIND_WORDS[event.kind] ?? humanize(event.kind);
  }
}
