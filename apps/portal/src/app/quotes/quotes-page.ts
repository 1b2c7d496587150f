import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  INTERNAL_ROLES,
  SALES_QUOTE_SORT_FIELDS,
  type SalesQuoteQuery,
  type SalesQuoteStatus,
} from '@tradecounter/contracts';
import { localIsoDate } from '../availability/promise-dates';
import { AuthService } from '../auth/auth.service';
import { DisplayDatePipe, DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { QuoteStatusChip } from './quote-status-chip';
import { QUOTE_STATUS_OPTIONS, quoteStatusLabel } from './quote-status';
import { expiryWords, validity } from './quote-rules';
import { QuotesApi } from './quotes-api';

/** The status chip meaning "every status". */
const ALL = 'all';

/**
 * Quotes: the buyer's requests and quotes, and the account manager's queue
 * (their accounts' quotes, `requested` first: the work waiting for prices).
 */
@Component({
  selector: 'tc-quotes-page',
  imports: [
    DisplayDatePipe,
    DisplayDateTimePipe,
    ListFrame,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    MatSortModule,
    MatTableModule,
    MoneyPipe,
    QuoteStatusChip,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quotes-page.html',
  styleUrl: './quotes-page.scss',
})
export class QuotesPage {
  private readonly api = inject(QuotesApi);
  private readonly auth = inject(AuthService);

  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly canQuote = computed(() => this.auth.hasRole(['account_manager', 'admin']));
  /** Account managers open on their queue (requests waiting for prices); customers on everything. */
  readonly status = computed(() => this.list.value('status') || (this.canQuote() ? 'requested' : ALL));
  readonly list = urlList({
    filters: ['status'],
    sort: { fields: SALES_QUOTE_SORT_FIELDS, default: 'createdAt', dir: 'desc' },
    request: ({ page, pageSize, sort, dir }): SalesQuoteQuery => ({
      status: this.status() === ALL ? undefined : (this.status() as SalesQuoteStatus),
      page,
      pageSize,
      sort: sort as SalesQuoteQuery['sort'],
      dir,
    }),
    fetch: (query) => this.api.list(query),
  });
  readonly statuses = QUOTE_STATUS_OPTIONS;
  readonly statusLabel = quoteStatusLabel;
  readonly today = localIsoDate();
  readonly columns = computed(() => [
    'number',
    'createdAt',
    ...(this.isStaff() ? ['account'] : []),
    'status',
    'validUntil',
    'lines',
    'subtotal',
  ]);
  readonly emptyTitle = computed(() => {
    const status = this.status();
    if (status === 'requested' && this.canQuote()) return 'No quote request waits for prices';
    if (status === ALL) return this.isStaff() ? 'No quotes yet' : 'You have not asked for a quote yet';
    return `No ${quoteStatusLabel(status as SalesQuoteStatus).toLowerCase()} quotes`;
  });

  /** A chip clicked: its status; clicking the chosen chip again keeps it chosen (a status is always shown). */
  chipChange(event: MatChipListboxChange): void {
    const value: unknown = event.value;
    if (typeof value === 'string' && value) this.pick(value);
    else event.source.value = this.status();
  }

  /** Picks a status chip; choosing the page's default status clears the filter from the URL. */
  pick(status: string): void {
    const fallback = this.canQuote() ? 'requested' : ALL;
    this.list.setFilter('status', status === fallback ? null : status);
  }

  /** The validity column's warning: "expires in 3 days" when close, for quotes still open. */
  expiry(validUntil: string | null, status: SalesQuoteStatus): string {
    if (status !== 'quoted') return '';
    const v = validity(validUntil, this.today);
    return v.kind === 'valid' && v.soon ? expiryWords(v.daysLeft) : '';
  }
}
