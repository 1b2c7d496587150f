import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { AuditEntry, AuditQuery } from '@tradecounter/contracts';
import { skip } from 'rxjs';
import { EmptyState } from '../shared/empty-state';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { type AuditNames, entrySummary, pricingChanges } from './pricing-audit-format';
import { PricingApi } from './pricing-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** Who changed which price when: a tier's history, or the pricing changes of an account. */
@Component({
  selector: 'tc-pricing-history',
  imports: [DisplayDateTimePipe, EmptyState, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../accounts/account-history.scss',
  template: `
    <tc-list-frame
      [state]="list.state()"
      [card]="false"
      loadingLabel="Loading history…"
      emptyIcon="history"
      emptyTitle="No changes recorded yet"
      [emptyMessage]="emptyMessage()"
      paginatorLabel="History pages"
      [pageSizeOptions]="[]"
      (retry)="list.reload()"
      (page)="list.changePage($event)"
    >
      @if (rows().length === 0) {
        <tc-empty-state icon="history" title="No changes recorded yet" [message]="emptyMessage()" />
      } @else {
        <ol class="history" aria-label="Pricing change history">
          @for (row of rows(); track row.entry.id) {
            <li class="entry">
              <div class="meta">
                <strong class="actor">{{ row.entry.actorName ?? 'System' }}</strong>
                <span class="tc-muted"
                  >{{ row.summary }} ·
                  <time [attr.datetime]="row.entry.at">{{ row.entry.at | displayDateTime }}</time></span
                >
              </div>
              @if (row.changes.length) {
                <ul class="changes">
                  @for (change of row.changes; track $index) {
                    <li>
                      <span class="field">{{ change.field }}: </span>
                      @if (change.before !== null) {
                        <span class="before">{{ change.before }}</span><span class="arrow"> → </span>
                      }
                      <span class="after">{{ change.after }}</span>
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ol>
      }
    </tc-list-frame>
  `,
})
export class PricingHistory {
  private readonly api = inject(PricingApi);
  readonly query = input.required<Omit<AuditQuery, 'page' | 'pageSize'>>();
  /** Changes whenever something was saved, to show the new entry. */
  readonly version = input<string | number | null>(null);
  readonly names = input<AuditNames>(new Map());
  /** Which entries to keep (an account's history holds non-pricing changes too). */
  readonly keep = input<(entry: AuditEntry) => boolean>(() => true);
  readonly emptyMessage = input('Pricing changes will be listed here with who made them.');
  /** Entries a page; older ones are a page turn away. */
  readonly pageSize = input(100);

  /** Paged inside its host page, so its page is its own, not the URL's. */
  readonly list = urlList({
    state: 'local',
    request: ({ page }) => ({ ...this.query(), page, pageSize: this.pageSize(), version: this.version() }),
    fetch: ({ version: _version, ...query }) => this.api.audit(query),
  });
  readonly rows = computed(() => {
    const names = this.names();
    const keep = this.keep();
    return this.list
      .items()
      .filter(keep)
      .map((entry) => ({
        entry,
        summary: entrySummary(entry, names),
        changes: pricingChanges(entry, names),
      }));
  });

  constructor() {
    // Back to the newest page whenever the query changes or something was saved.
    toObservable(computed(() => ({ query: this.query(), version: this.version() })))
      .pipe(skip(1), takeUntilDestroyed())
      .subscribe(() => this.list.patch({ page: null }));
  }
}
