import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { StandingOrderRun, StandingOrderRunStatus } from '@tradecounter/contracts';
import { DisplayDatePipe } from '../shared/date.pipe';

const STATUS_WORDS: Record<StandingOrderRunStatus, string> = {
  placed: 'Placed',
  failed: 'Failed',
  missed: 'Missed',
  skipped: 'Skipped',
};

/** The runs so far, newest first: the order each placed, and what it left out or why it failed. */
@Component({
  selector: 'tc-run-history',
  imports: [DisplayDatePipe, MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-card" aria-labelledby="run-history-title">
      <h2 id="run-history-title" class="title">Runs so far</h2>
      @if (runs().length === 0) {
        <p class="none tc-muted">No run yet: the first order is placed on the next run date.</p>
      } @else {
        <div class="tc-table-scroll">
          <table mat-table [dataSource]="runs()" class="tc-table" aria-label="Runs so far">
            <ng-container matColumnDef="runDate">
              <th mat-header-cell *matHeaderCellDef>Run date</th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ r.runDate | displayDate }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>Outcome</th>
              <td mat-cell *matCellDef="let r">
                <span class="tc-status" [class]="tone(r.status)">{{ words(r.status) }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="order">
              <th mat-header-cell *matHeaderCellDef>Order</th>
              <td mat-cell *matCellDef="let r">
                @if (r.orderId) {
                  <a class="tc-mono" [routerLink]="['/orders', r.orderId]">{{ r.orderNumber }}</a>
                } @else {
                  <span class="tc-muted">—</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="details">
              <th mat-header-cell *matHeaderCellDef>Details</th>
              <td mat-cell *matCellDef="let r" class="details">
                @if (r.reason) {
                  <div>{{ r.reason }}</div>
                }
                @for (line of r.droppedLines; track line.productId) {
                  <div>
                    Dropped <span class="tc-mono">{{ line.sku }}</span> {{ line.name }} ({{
                      line.requested
                    }}):
                    {{ line.reason }}
                  </div>
                }
                @for (line of r.cappedLines; track line.productId) {
                  <div>
                    Capped <span class="tc-mono">{{ line.sku }}</span> {{ line.name }} to {{ line.placed }} of
                    {{ line.requested }}: {{ line.reason }}
                  </div>
                }
                @if (!r.reason && !r.droppedLines.length && !r.cappedLines.length) {
                  <span class="tc-muted">{{ r.status === 'placed' ? 'Every line placed' : '—' }}</span>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let r; columns: columns" [attr.data-run]="r.runDate"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .title {
      font: var(--mat-sys-title-medium);
      padding: 16px 20px 4px;
    }
    .none {
      padding: 8px 20px 20px;
      margin: 0;
    }
    .nowrap {
      white-space: nowrap;
    }
    .details {
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .tone-failed {
      background: #fde2e1;
      color: #8c1d18;
    }
  `,
})
export class RunHistory {
  readonly runs = input.required<StandingOrderRun[]>();
  readonly columns = ['runDate', 'status', 'order', 'details'];

  words(status: StandingOrderRunStatus): string {
    return STATUS_WORDS[status] ?? status;
  }

  tone(status: StandingOrderRunStatus): string {
    if (status === 'placed') return 'tc-status-active';
    if (status === 'skipped') return 'tc-status-closed';
    return 'tone-failed';
  }
}
