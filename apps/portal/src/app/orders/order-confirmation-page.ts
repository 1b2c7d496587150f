import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { formatDay, localIsoDate } from '../availability/promise-dates';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { MoneyPipe } from '../shared/money.pipe';
import { orderStatusExplanation } from './order-status';
import { OrderStatusChip } from './order-status-chip';
import { OrdersApi } from './orders-api';
import { OrderLinePromise } from './order-line-promise';
import { AuthService } from '../auth/auth.service';

/** Right after checkout: the number, what the status means, and when each line arrives. */
@Component({
  selector: 'tc-order-confirmation-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    ErrorState,
    OrderLinePromise,
    LoadingState,
    MoneyPipe,
    OrderStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      @let s = state();
      @if (!s || (s.loading && !s.value)) {
        <div class="tc-card"><tc-loading-state label="Loading your order…" /></div>
      } @else if (s?.problem; as problem) {
        <div class="tc-card"><tc-error-state [problem]="problem" (retry)="retry()" /></div>
      } @else if (s?.value; as o) {
        <div class="tc-card hero" role="status">
          <mat-icon
            [svgIcon]="o.status === 'confirmed' ? 'check_circle' : 'schedule'"
            [class.wait]="o.status !== 'confirmed'"
            aria-hidden="true"
          />
          <div>
            <h1>
              @if (staff()) {
                Order {{ o.number }} placed for {{ o.accountName }}
              } @else {
                {{ o.status === 'confirmed' ? 'Thank you — your order is placed' : 'Your order is placed' }}
              }
            </h1>
            <p class="number">
              Order <strong class="tc-mono" data-testid="order-number">{{ o.number }}</strong>
              <tc-order-status-chip [status]="o.status" />
            </p>
            @if (explanation()) {
              <p>{{ explanation() }}</p>
            }
            <p class="tc-muted">
              {{ o.lineCount }} {{ o.lineCount === 1 ? 'line' : 'lines' }} · {{ o.subtotal | money }} excl.
              tax
              @if (o.poNumber) {
                · PO {{ o.poNumber }}
              }
              · ship to {{ o.shippingAddress.label }} ·
              {{ o.shipComplete ? 'shipped complete' : 'shipped as available' }}
            </p>
          </div>
        </div>
        <div class="tc-card">
          <h2 class="card-title">When it arrives</h2>
          <ul class="lines" aria-label="Promise per line">
            @for (l of o.lines; track l.id) {
              <li>
                <div>
                  <span class="tc-mono">{{ l.sku }}</span> {{ l.name }} × {{ l.quantity }}
                  <div class="tc-muted small">Arrives {{ day(l.currentPromisedDate) }}</div>
                </div>
                <tc-order-line-promise [order]="o" [line]="l" />
              </li>
            }
          </ul>
        </div>
        <div class="tc-actions start">
          <a mat-flat-button [routerLink]="['/orders', o.id]">View order</a>
          <a mat-stroked-button routerLink="/orders">Order history</a>
          @if (staff()) {
            <a mat-stroked-button routerLink="/orders/new" [queryParams]="{ accountId: o.accountId }"
              >Another order for {{ o.accountName }}</a
            >
          } @else {
            <a mat-stroked-button routerLink="/catalog">Continue shopping</a>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .hero {
      display: flex;
      gap: 16px;
      padding: 24px;
      mat-icon {
        flex: 0 0 auto;
        width: 48px;
        height: 48px;
        color: #0d7a45;
        &.wait {
          color: #8a6100;
        }
      }
      h1 {
        font: var(--mat-sys-headline-small);
        margin-bottom: 8px;
      }
      p {
        margin: 0 0 8px;
        max-width: 70ch;
      }
    }
    .number {
      display: flex;
      align-items: center;
      gap: 12px;
      font: var(--mat-sys-title-medium);
    }
    .card-title {
      font: var(--mat-sys-title-medium);
      padding: 16px 20px 8px;
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 0 20px 12px;
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 8px 16px;
        padding: 10px 0;
        border-top: 1px solid var(--mat-sys-outline-variant);
        @media (max-width: 700px) {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .start {
      justify-content: flex-start;
    }
  `,
})
export class OrderConfirmationPage {
  private readonly api = inject(OrdersApi);
  private readonly auth = inject(AuthService);
  /** Staff placed it for an account (a phone order): the heading names the account. */
  readonly staff = computed(() => !this.auth.hasRole(['buyer', 'approver']));
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly reloads = signal(0);
  readonly state = toSignal(
    loadOnEach(toObservable(computed(() => ({ id: this.id(), reload: this.reloads() }))), ({ id }) =>
      this.api.get(id),
    ),
  );
  readonly explanation = computed(() => {
    const order = this.state()?.value;
    return order ? orderStatusExplanation(order.status) : '';
  });
  private readonly today = localIsoDate();

  day(date: string): string {
    return formatDay(date, this.today);
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
