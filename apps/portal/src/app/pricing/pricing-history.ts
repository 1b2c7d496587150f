import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import type { AuditEntry, AuditQuery } from '@tradecounter/contracts';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { type AuditNames, entrySummary, pricingChanges } from './pricing-audit-format';
import { PricingApi } from './pricing-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** Who changed which price when: a tier's history, or the pricing changes of an account. */
@Component({
  selector: 'tc-pricing-history',
  imports: [DisplayDateTimePipe, MatPaginatorModule, EmptyState, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../accounts/account-history.scss',
  template: `
    @let s = state();
    @if (s?.loading) {
      <tc-loading-state [compact]="!!s?.value" label="Loading history…" />
    }
    @if (s?.problem; as problem) {
      <tc-error-state [problem]="problem" (retry)="retry()" />
    } @else if (s?.value; as page) {
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
      @if (page.total > page.pageSize) {
        <mat-paginator
          [length]="page.total"
          [pageIndex]="page.page - 1"
          [pageSize]="page.pageSize"
          [hidePageSize]="true"
          (page)="changePage($event)"
          aria-label="History pages"
        />
      }
    }
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
  /** Back to the newest page whenever the query changes or something was saved. */
  readonly page = linkedSignal({
    source: () => ({ query: this.query(), version: this.version() }),
    computation: () => 1,
  });
  private readonly reloads = signal(0);

  private readonly request = computed(() => ({
    query: this.query(),
    page: this.page(),
    pageSize: this.pageSize(),
    version: this.version(),
    reload: this.reloads(),
  }));
  readonly state = toSignal(
    loadOnEach(toObservable(this.request), ({ query, page, pageSize }) =>
      this.api.audit({ ...query, page, pageSize }),
    ),
  );
  readonly rows = computed(() => {
    const names = this.names();
    const keep = this.keep();
    return (this.state()?.value?.items ?? []).filter(keep).map((entry) => ({
      entry,
      summary: entrySummary(entry, names),
      changes: pricingChanges(entry, names),
    }));
  });

  changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
