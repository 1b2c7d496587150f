import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { WAVE_STATUSES, type WaveStatus } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { FulfilmentApi } from './fulfilment-api';
import { warehouseChoice, WarehouseSelect } from './warehouse-select';

/** Warehouse and admin: the waves of a warehouse, open ones (being picked) first to hand. */
@Component({
  selector: 'tc-waves-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    ListFrame,
    WarehouseSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Waves</h1>
      </header>
      <p class="tc-muted">
        A wave is one pick list across several orders, walked bin by bin. Choose confirmed orders on the
        <a routerLink="/fulfilment" [queryParams]="{ warehouse: warehouseCode() }">fulfilment board</a> to
        start one.
      </p>
      <div class="tc-toolbar-row filters">
        <tc-warehouse-select
          [warehouses]="warehouses()"
          [value]="warehouseCode()"
          (valueChange)="list.setFilter('warehouse', $event)"
        />
        <mat-button-toggle-group
          [value]="status()"
          (change)="list.setFilter('status', $event.value === 'open' ? null : $event.value)"
          aria-label="Wave status"
          [hideSingleSelectionIndicator]="true"
        >
          @for (s of statuses; track s) {
            <mat-button-toggle [value]="s">{{ s === 'open' ? 'Open' : 'Closed' }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
      </div>
      <tc-list-frame
        [state]="list.state()"
        loadingLabel="Loading waves…"
        emptyIcon="done_all"
        [emptyTitle]="status() === 'open' ? 'No open wave' : 'No closed wave'"
        [emptyMessage]="
          status() === 'open' ? 'Choose confirmed orders on the fulfilment board and create a wave.' : ''
        "
        paginatorLabel="Pages of waves"
        (retry)="list.reload()"
        (page)="list.changePage($event)"
      >
        <table mat-table [dataSource]="list.items()" class="tc-table" aria-label="Waves">
          <ng-container matColumnDef="number">
            <th mat-header-cell *matHeaderCellDef>Wave</th>
            <td mat-cell *matCellDef="let w">
              <a class="tc-mono tc-row-link" [routerLink]="['/fulfilment/waves', w.id]">{{ w.number }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="created">
            <th mat-header-cell *matHeaderCellDef>Created</th>
            <td mat-cell *matCellDef="let w">{{ w.createdAt | displayDateTime }}</td>
          </ng-container>
          <ng-container matColumnDef="orders">
            <th mat-header-cell *matHeaderCellDef class="tc-num">Orders</th>
            <td mat-cell *matCellDef="let w" class="tc-num">{{ w.orderCount }}</td>
          </ng-container>
          <ng-container matColumnDef="units">
            <th mat-header-cell *matHeaderCellDef class="tc-num">Units</th>
            <td mat-cell *matCellDef="let w" class="tc-num">{{ w.units }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>Status</th>
            <td mat-cell *matCellDef="let w">
              <span
                class="tc-status"
                [class.tone-move]="w.status === 'open'"
                [class.tone-end]="w.status !== 'open'"
              >
                {{ w.status === 'open' ? 'Open' : 'Closed' }}
              </span>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let w; columns: columns" [attr.data-wave]="w.number"></tr>
        </table>
      </tc-list-frame>
    </section>
  `,
  styles: `
    .filters {
      align-items: center;
    }
  `,
})
export class WavesPage {
  private readonly api = inject(FulfilmentApi);
  readonly statuses = WAVE_STATUSES;
  readonly columns = ['number', 'created', 'orders', 'units', 'status'];
  private readonly choice = warehouseChoice(() => this.list.value('warehouse'));
  readonly warehouses = this.choice.warehouses;
  readonly warehouseCode = this.choice.code;
  readonly status = computed((): WaveStatus => (this.list.value('status') === 'closed' ? 'closed' : 'open'));
  readonly list = urlList({
    filters: ['warehouse', 'status'],
    request: ({ page, pageSize }) => {
      const warehouseCode = this.warehouseCode();
      return warehouseCode ? { warehouseCode, status: this.status(), page, pageSize } : undefined;
    },
    fetch: (query) => this.api.waves(query),
  });
}
