import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { INTERNAL_ROLES, type ReturnStatus } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { defaultReturnStatus } from './return-rules';
import { ReturnStatusChip } from './return-status-chip';
import { RETURN_STATUS_OPTIONS, returnStatusLabel } from './return-words';
import { type ReturnListQuery, ReturnsApi } from './returns-api';

const ALL = 'all';

/**
 * Returns: a customer's own, and staff's queue — account managers open on
 * the requests waiting for their decision, the warehouse on the approved
 * returns waiting to arrive.
 */
@Component({
  selector: 'tc-returns-page',
  imports: [
    DisplayDateTimePipe,
    ListFrame,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    MatTableModule,
    MoneyPipe,
    ReturnStatusChip,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './returns-page.html',
  styles: `
    .statuses {
      display: block;
      margin: 0 0 16px;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ReturnsPage {
  private readonly api = inject(ReturnsApi);
  private readonly auth = inject(AuthService);

  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly fallback = computed(() => defaultReturnStatus(this.auth.user()?.role));
  readonly status = computed(() => this.list.value('status') || this.fallback());
  readonly list = urlList({
    filters: ['status'],
    request: ({ page, pageSize }): ReturnListQuery => ({
      status: this.status() === ALL ? undefined : (this.status() as ReturnStatus),
      page,
      pageSize,
    }),
    fetch: (query) => this.api.list(query),
  });
  readonly statuses = RETURN_STATUS_OPTIONS;
  readonly statusLabel = returnStatusLabel;
  readonly columns = computed(() => [
    'number',
    'createdAt',
    ...(this.isStaff() ? ['account'] : []),
    'order',
    'status',
    'units',
    'credit',
  ]);
  readonly emptyTitle = computed(() => {
    const status = this.status();
    if (status === 'requested' && this.fallback() === 'requested') return 'No return waits for a decision';
    if (status === 'approved' && this.fallback() === 'approved') return 'No return is on its way back';
    if (status === ALL) return this.isStaff() ? 'No returns yet' : 'You have not returned anything';
    return `No ${returnStatusLabel(status as ReturnStatus).toLowerCase()} returns`;
  });

  chipChange(event: MatChipListboxChange): void {
    const value: unknown = event.value;
    if (typeof value === 'string' && value) this.pick(value);
    else event.source.value = this.status();
  }

  /** Picks a status chip; the page's default status clears the filter from the URL. */
  pick(status: string): void {
    this.list.setFilter('status', status === this.fallback() ? null : status);
  }
}
