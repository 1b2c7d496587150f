import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SalesQuoteEvent } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { humanize } from '../shared/labels';

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
      <ol class="timeline" aria-label="Quote history">
        @for (e of newestFirst(); track $index) {
          <li>
            <span class="dot" aria-hidden="true"></span>
            <div>
              <div class="what">
                {{ what(e) }} <span class="tc-muted rev">· revision {{ e.revision }}</span>
              </div>
              <div class="tc-muted meta">
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
    .rev,
    .meta,
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
  readonly newestFirst = computed(() =>
    [...this.events()].reverse().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  );

  what(event: SalesQuoteEvent): string {
    return KIND_WORDS[event.kind] ?? humanize(event.kind);
  }
}
