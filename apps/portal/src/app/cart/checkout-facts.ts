import type { Cart, IsoDate } from '@tradecounter/contracts';

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
 * The earliest delivery date the buyer may ask for, as the API checks it:
 * ship complete waits for the last split; as available, the first delivery.
 */
export function earliestRequestable(cart: Cart, shipComplete: boolean): IsoDate | null {
  const choices = shippingChoices(cart);
  if (shipComplete) return choices.complete?.deliveryDate ?? null;
  const first = choices.asAvailable?.first ?? null;
  const complete = choices.complete?.deliveryDate ?? null;
  if (first && complete) return first < complete ? first : complete;
  return first ?? complete;
}
