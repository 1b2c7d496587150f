import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE } from '@tradecounter/contracts';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { pageParam, pageSizeParam } from '../shared/route-inputs';
import { OrderStatusChip } from './order-status-chip';
import { OrdersApi } from './orders-api';

/** Every ordered unit not yet shipped, across the account's orders, with its current promise. */
@Component({
  selector: 'tc-open-lines-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatTableModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <a mat-icon-button routerLink="/orders" aria-label="Back to orders"><mat-icon svgIcon="back" /></a>
        <h1>Open lines</h1>
      </header>
      <p class="tc-muted">Everything you have ordered that has not shipped yet, earliest delivery first.</p>
      <div class="tc-card">
        @let s = state();
        @if (s?.loading) {
          <tc-loading-state [compact]="!!s?.value" label="Loading open lines…" />
        }
        @if (s?.problem; as problem) {
          <tc-error-state [problem]="problem" (retry)="retry()" />
        } @else if (s?.value; as p) {
          @if (p.items.length === 0) {
            <tc-empty-state
              icon="local_shipping"
              title="Nothing is waiting to ship"
              message="Every unit you ordered has shipped."
            />
          } @else {
            <div class="tc-table-scroll">
              <table mat-table [dataSource]="p.items" class="tc-table" aria-label="Open lines">
                <ng-container matColumnDef="order">
                  <th mat-header-cell *matHeaderCellDef>Order</th>
                  <td mat-cell *matCellDef="let l">
                    <a class="tc-mono link" [routerLink]="['/orders', l.orderId]">{{ l.orderNumber }}</a>
                  </td>
                </ng-container>
                <ng-container matColumnDef="product">
                  <th mat-header-cell *matHeaderCellDef>Product</th>
                  <td mat-cell *matCellDef="let l">
                    <span class="tc-mono">{{ l.sku }}</span> {{ l.name }}
                  </td>
                </ng-container>
                <ng-container matColumnDef="ordered">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Ordered</th>
                  <td mat-cell *matCellDef="let l" class="tc-num">{{ l.ordered }}</td>
                </ng-container>
                <ng-container matColumnDef="shipped">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Shipped</th>
                  <td mat-cell *matCellDef="let l" class="tc-num">{{ l.shipped }}</td>
                </ng-container>
                <ng-container matColumnDef="open">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Open</th>
                  <td mat-cell *matCellDef="let l" class="tc-num">
                    <strong>{{ l.open }}</strong>
                  </td>
                </ng-container>
                <ng-container matColumnDef="promise">
                  <th mat-header-cell *matHeaderCellDef>Arrives</th>
                  <td mat-cell *matCellDef="let l">{{ day(l.currentPromisedDate) }}</td>
                </ng-container>
                <ng-container matColumnDef="status">
                  <th mat-header-cell *matHeaderCellDef>Order status</th>
                  <td mat-cell *matCellDef="let l"><tc-order-status-chip [status]="l.status" /></td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let l; columns: columns"></tr>
              </table>
            </div>
            <mat-paginator
              [length]="p.total"
              [pageIndex]="p.page - 1"
              [pageSize]="p.pageSize"
              [pageSizeOptions]="[25, 50, 100]"
              (page)="changePage($event)"
              aria-label="Open line pages"
            />
          }
        }
      </div>
    </section>
  `,
  styles: `
    .link {
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
  `,
})
export class OpenLinesPage {
  private readonly api = inject(OrdersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  readonly page = input(1, { transform: pageParam });
  readonly pageSize = input(DEFAULT_PAGE_SIZE, { transform: pageSizeParam });
  readonly columns = ['order', 'product', 'ordered', 'shipped', 'open', 'promise', 'status'];
  private readonly today = localIsoDate();
  private readonly reloads = signal(0);
  readonly state = toSignal(
    loadOnEach(
      toObservable(
        computed(() => ({ page: this.page(), pageSize: this.pageSize(), reload: this.reloads() })),
      ),
      ({ page, pageSize }) => this.api.openLines(page, pageSize),
    ),
  );

  day(date: string): string {
    return formatDay(date, this.today);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  changePage(event: PageEvent): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        page: event.pageIndex + 1,
        pageSize: event.pageSize === DEFAULT_PAGE_SIZE ? null : event.pageSize,
      },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
