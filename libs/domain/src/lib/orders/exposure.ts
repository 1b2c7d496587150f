import type { Cents } from '../money';
import { countsTowardExposure, type OrderStatus } from './order-status';

/** An order's state as far as credit exposure cares. */
export interface ExposureState {
  status: OrderStatus;
  paid: boolean;
}

/**
 * What a transition does to the account's exposure (domain.md: the total of
 * its orders neither cancelled, rejected nor paid): +subtotal when the order
 * starts counting, −subtotal when it stops, else nothing.
 */
export function exposureChange(before: ExposureState, after: ExposureState, subtotal: Cents): Cents {
  const counts = (state: ExposureState) => countsTowardExposure(state.status) && !state.paid;
  if (counts(before) === counts(after)) return 0n;
  return counts(after) ? subtotal : -subtotal;
}
