import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import type { ProductDetail, PromiseSource } from '@tradecounter/contracts';
import { combineLatest, map } from 'rxjs';
import { loadable } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { AvailabilityApi, BusinessCalendar } from './availability-api';
import { AvailabilityBadge } from './availability-badge';
import {
  type AvailabilityWording,
  describeAvailability,
  describePromise,
  describePromiseHeadline,
  describeShipComplete,
  sourceWords,
  unitsBeyondSupply,
} from './availability-text';
import { linePromise, livePromise } from './live-promise';
import { formatDay, localIsoDate } from './promise-dates';

const SOURCE_ICONS: Record<PromiseSource, string> = {
  stock: 'inventory',
  inbound: 'local_shipping',
  supplier: 'factory',
};

/**
 * When a product can ship: its availability in words, the promise for the
 * quantity the buyer types (split by source, as a sentence and a timeline,
 * with the ship-complete date) and the incoming stock it counts on.
 */
@Component({
  selector: 'tc-product-availability',
  imports: [MatIconModule, LoadingState, AvailabilityBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-availability.html',
  styleUrl: './product-availability.scss',
})
export class ProductAvailabilityCard {
  private readonly api = inject(AvailabilityApi);
  private readonly calendar = inject(BusinessCalendar);
  readonly product = input.required<ProductDetail>();
  /** Staff: promise for this account's warehouse; customers always get their own. */
  readonly accountId = input<string | null>(null);

  readonly sourceWords = sourceWords;
  readonly today = localIsoDate();
  readonly day = (date: string) => formatDay(date, this.today);
  readonly sourceIcon = (source: PromiseSource) => SOURCE_ICONS[source];

  /** The page's one quantity (the one add-to-cart and the price follow too). */
  readonly quantity = input.required<number | null>();
  private readonly productId = computed(() => this.product().id);
  readonly promise = toSignal(
    livePromise(
      combineLatest([toObservable(this.productId), toObservable(this.quantity)]).pipe(
        map(([productId, quantity]) => ({ productId, quantity })),
      ),
      (productId, quantity) =>
        loadable(
          this.api
            .promise({ accountId: this.accountId() ?? undefined, lines: [{ productId, quantity }] })
            .pipe(map(linePromise)),
        ),
    ),
  );
  readonly result = computed(() => this.promise()?.value);
  readonly context = computed(() => ({ today: this.today, holidays: this.calendar.holidays() }));

  /** The typed quantity's promise in one line; before it loads, the product's own availability. */
  readonly headline = computed<AvailabilityWording | null>(() => {
    const result = this.result();
    if (result) return describePromiseHeadline(result.line, this.context());
    const { availability, minOrderQty } = this.product();
    if (!availability) return null;
    return describeAvailability(
      { available: availability.available, quantity: minOrderQty, nextShipDate: availability.nextShipDate },
      this.context(),
    );
  });
  readonly warehouseCode = computed(
    () => this.result()?.warehouseCode ?? this.product().availability?.warehouseCode ?? '',
  );
  readonly sentence = computed(() => {
    const result = this.result();
    return result ? describePromise(result.line, this.today) : '';
  });
  readonly shipComplete = computed(() => {
    const result = this.result();
    return result ? describeShipComplete(result.line.quantity, result.shipComplete, this.today) : '';
  });
  readonly refused = computed(() => {
    const result = this.result();
    return result ? unitsBeyondSupply(result.line) : 0;
  });
  readonly inbound = computed(() => this.product().inbound ?? []);
}
