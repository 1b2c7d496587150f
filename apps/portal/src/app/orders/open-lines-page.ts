import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { OPEN_LINE_SORT_FIELDS, type OpenLineSortField } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { OrderStatusChip } from './order-status-chip';
import { OrdersApi } from './orders-api';

/** Every ordered unit not yet shipped, across the account's orders, with its current promise. */
@Component({
  selector: 'tc-open-lines-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './open-lines-page.html',
})
export class OpenLinesPage {
  private readonly api = inject(OrdersApi);
  private readonly today = localIsoDate();
  readonly columns = ['order', 'product', 'ordered', 'shipped', 'open', 'promise', 'status'];
  readonly list = urlList({
    sort: { fields: OPEN_LINE_SORT_FIELDS, default: 'promisedDate', dir: 'asc' },
    request: ({ page, pageSize, sort, dir }) => ({ page, pageSize, sort: sort as OpenLineSortField, dir }),
    fetch: (query) => this.api.openLines(query),
  });

  day(date: string): string {
    return formatDay(date, this.today);
  }
}
