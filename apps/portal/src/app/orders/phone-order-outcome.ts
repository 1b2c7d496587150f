import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { inject } from '@angular/core';
import type { OrderPreview, PlaceOrderRequest } from '@tradecounter/contracts';
import { debounceTime, distinctUntilChanged, Observable, of, switchMap } from 'rxjs';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { loadable, type Loadable } from '../shared/loadable';
import { OrdersApi } from './orders-api';
import { PlacementOutcomeNotice } from './placement-outcome-notice';

/**
 * A phone order before it is placed: the API's dry run of the order as the
 * form holds it says whether it goes on credit hold, and when each line
 * arrives from stock, inbound receipts or the supplier.
 */
@Component({
  selector: 'tc-phone-order-outcome',
  imports: [PlacementOutcomeNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = state();
    @if (s) {
      <section class="outcome" aria-labelledby="outcome-title">
        <h2 id="outcome-title">What placing does</h2>
        <tc-placement-outcome-notice
          [state]="s"
          audience="staff"
          fallback="Complete the order to see what placing it does."
        />
        @if (s.value; as p) {
          <div class="tc-table-scroll">
            <table aria-label="Availability and delivery per line" data-testid="phone-availability">
              <thead>
                <tr>
                  <th>SKU</th>
                  <th class="num">Qty</th>
                  <th class="num">From stock</th>
                  <th class="num">Inbound</th>
                  <th class="num">Backordered</th>
                  <th>Arrives</th>
                </tr>
              </thead>
              <tbody>
                @for (l of p.lines; track l.lineNo) {
                  <tr [attr.data-sku]="l.sku">
                    <td class="mono">{{ l.sku }}</td>
                    <td class="num">{{ l.quantity }}</td>
                    <td class="num">{{ l.fromStock }}</td>
                    <td class="num">{{ l.fromInbound }}</td>
                    <td class="num">{{ l.backordered }}</td>
                    <td>{{ day(l.promisedDate) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <p class="tc-muted small">
            Ships from {{ p.warehouseCode }} ·
            {{ p.shipComplete ? 'ship complete: one delivery' : 'ship as available' }} · earliest delivery
            {{ day(p.earliestDelivery) }}
          </p>
        }
      </section>
    }
  `,
  styles: `
    .outcome {
      display: grid;
      gap: 10px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right;
    }
    .mono {
      font-family: var(--tc-mono, monospace);
    }
    .small {
      font: var(--mat-sys-body-small);
      margin: 0;
    }
  `,
})
export class PhoneOrderOutcome {
  private readonly orders = inject(OrdersApi);
  private readonly today = localIsoDate();
  /** The order as the form holds it; null until it has an account, an address and priced lines. */
  readonly body = input<PlaceOrderRequest | null>(null);

  readonly state = toSignal(
    toObservable(this.body).pipe(
      debounceTime(300),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      switchMap((body): Observable<Loadable<OrderPreview> | null> =>
        body ? loadable(this.orders.preview(body)) : of(null),
      ),
    ),
    { initialValue: null },
  );

  day(date: string): string {
    return formatDay(date, this.today);
  }
}
