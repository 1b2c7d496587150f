import type { Cart, IsoDate } from '@tradecounter/contracts';
import { promisedDates } from '@tradecounter/domain';

/** The delivery dates each shipping choice means for a cart. */
export interface ShippingChoices {
  /** Everything together: the last split's dates. */
  complete: { shipDate: IsoDate; deliveryDate: IsoDate } | null;
  /** As available: the first and last delivery, and how many deliveries. */
  asAvailable: { first: IsoDate; last: IsoDate; deliveries: number } | null;
}

export function shippingChoices(cart: Cart): ShippingChoices {
  const splits = cart.lines.flatMap((line) => line.promise.splits);
  const dates = [...new Set(splits.map((split) => split.deliveryDate))].sort();
  return {
    complete: cart.shipComplete,
    asAvailable: dates.length
      ? { first: dates[0] as IsoDate, last: dates[dates.length - 1] as IsoDate, deliveries: dates.length }
      : null,
  };
}

/**
 * The earliest delivery date the buyer may ask for, by the rule the API
 * checks it with (promisedDates): ship complete waits for the last split; as
 * available, the first delivery.
 */
export function earliestRequestable(cart: Cart, shipComplete: boolean): IsoDate | null {
  if (!cart.shipComplete) return null;
  const lines = cart.lines.map((line) => ({ splits: line.promise.splits }));
  return promisedDates(lines, cart.shipComplete, shipComplete).earliest;
}
