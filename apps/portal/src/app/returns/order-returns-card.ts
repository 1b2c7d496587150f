import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { DisplayDatePipe } from '../shared/date.pipe';
import { loadOnEach } from '../shared/loadable';
import { MoneyPipe } from '../shared/money.pipe';
import { ReturnStatusChip } from './return-status-chip';
import { ReturnsApi } from './returns-api';

/** The order page's returns: each return of this order, linked; nothing shown while there are none. */
@Component({
  selector: 'tc-order-returns-card',
  imports: [DisplayDatePipe, MoneyPipe, ReturnStatusChip, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (returns().length) {
      <div class="tc-card">
        <h2 class="card-title">Returns</h2>
        <ul class="returns" aria-label="Returns of this order">
          @for (r of returns(); track r.id) {
            <li>
              <a class="tc-mono" [routerLink]="['/returns', r.id]">{{ r.number }}</a>
              <tc-return-status-chip [status]="r.status" />
              <span class="tc-muted"
                >{{ r.units }} {{ r.units === 1 ? 'unit' : 'units' }} · asked
                {{ r.createdAt | displayDate }}</span
              >
              @if (r.creditedTotal !== '0.00') {
                <span>credited {{ r.creditedTotal | money }}</span>
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .card-title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      padding: 16px 20px 8px;
    }
    .returns {
      list-style: none;
      margin: 0;
      padding: 0 20px 16px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 6px 0;
    }
  `,
})
export class OrderReturnsCard {
  private readonly api = inject(ReturnsApi);
  readonly orderId = input.required<string>();
  /** Changes when a return was just made, to fetch again. */
  readonly reload = input(0);
  private readonly state = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ orderId: this.orderId(), reload: this.reload() }))),
      ({ orderId }) => this.api.list({ orderId, pageSize: 50 }),
    ),
  );
  readonly returns = computed(() => this.state()?.value?.items ?? []);
}
