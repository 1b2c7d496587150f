import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE } from '@tradecounter/contracts';
import { EmptyState } from '../shared/empty-state';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { FulfilmentApi } from './fulfilment-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/**
 * What to pick at a warehouse (or for one order), oldest order first and each
 * order's lines in bin order: a sheet to print and walk the aisles with.
 */
@Component({
  selector: 'tc-pick-list-page',
  imports: [DisplayDateTimePipe, MatButtonModule, MatIconModule, RouterLink, EmptyState, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pick-list-page.html',
  styleUrl: './pick-list-page.scss',
})
export class PickListPage {
  private readonly api = inject(FulfilmentApi);
  readonly printedAt = new Date();

  /** The oldest orders with units to pick, one sheet (no paging: the rest waits for the next print). */
  readonly list = urlList({
    filters: ['warehouse', 'order'],
    request: ({ filters }) =>
      filters['warehouse']
        ? {
            warehouseCode: filters['warehouse'],
            orderId: filters['order'] || undefined,
            pageSize: MAX_PAGE_SIZE,
          }
        : undefined,
    fetch: (query) => this.api.pickList(query),
  });
  readonly warehouse = computed(() => this.list.value('warehouse'));
  readonly order = computed(() => this.list.value('order'));
  readonly units = computed(() =>
    this.list
      .items()
      .reduce((sum, order) => sum + order.lines.reduce((lines, line) => lines + line.pickable, 0), 0),
  );

  print(): void {
    window.print();
  }
}
