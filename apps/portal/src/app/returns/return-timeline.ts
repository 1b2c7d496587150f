import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReturnEvent } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { MoneyPipe } from '../shared/money.pipe';
import { newestFirst } from '../shared/newest-first';
import { returnEventWords } from './return-words';

/** The return's history, newest first: what, who, when, why, and the note or order it made. */
@Component({
  selector: 'tc-return-timeline',
  imports: [DisplayDateTimePipe, MoneyPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (newestFirst().length) {
      <ol class="tc-timeline" aria-label="Return history">
        @for (e of newestFirst(); track $index) {
          <li>
            <span class="tc-timeline-dot" aria-hidden="true"></span>
            <div>
              <div class="tc-timeline-what">{{ what(e) }}</div>
              <div class="tc-muted tc-timeline-meta">
                <time [attr.datetime]="e.at">{{ e.at | displayDateTime }}</time> ·
                {{ e.by?.name ?? 'System' }}
              </div>
              @if (e.reason) {
                <div class="small">“{{ e.reason }}”</div>
              }
              @if (e.creditNote; as cn) {
                @if (linkCreditNotes()) {
                  <a class="small" [routerLink]="['/credit-notes', cn.id]"
                    >{{ cn.number }} · {{ cn.total | money }}</a
                  >
                } @else {
                  <span class="small">{{ cn.number }} · {{ cn.total | money }}</span>
                }
              }
              @if (e.order; as o) {
                <a class="small" [routerLink]="['/orders', o.id]">Order {{ o.number }}</a>
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
      display: block;
    }
    .none {
      padding: 16px 20px;
      margin: 0;
    }
  `,
})
export class ReturnTimeline {
  readonly events = input.required<readonly ReturnEvent[]>();
  /** Whether the reader has the credit notes pages to link to. */
  readonly linkCreditNotes = input(true);
  readonly newestFirst = computed(() => newestFirst(this.events()));

  what(event: ReturnEvent): string {
    return returnEventWords(event.kind);
  }
}
