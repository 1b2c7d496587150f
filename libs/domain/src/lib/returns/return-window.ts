import { addCalendarDays, type IsoDate, localDateTime } from '../availability/calendar';

/** The default return window, in calendar days after delivery, when a product names none. */
export const DEFAULT_RETURN_WINDOW_DAYS = 30;

/** A product's window: its own when set (0 = not returnable), else the deployment's default. */
export function effectiveReturnWindowDays(
  productWindowDays: number | null,
  defaultWindowDays: number,
): number {
  return productWindowDays ?? defaultWindowDays;
}

/**
 * The last day a return may be asked: the delivery's calendar date in the
 * deployment time zone plus the window. A delivery at 23:30 local counts
 * from that local date, whatever the UTC date.
 */
export function returnWindowEndsOn(deliveredAt: Date, windowDays: number, timeZone: string): IsoDate {
  return addCalendarDays(localDateTime(deliveredAt, timeZone).date, windowDays);
}

export type ReturnBlock = 'not_delivered' | 'not_returnable' | 'window_closed' | 'all_returned';

export interface ReturnableFacts {
  /** Units delivered on the order line. */
  delivered: number;
  /** Units of the line on returns that are not rejected. */
  alreadyReturned: number;
  /** When the line (its last delivered units) arrived; null when nothing did. */
  deliveredAt: Date | null;
  windowDays: number;
  now: Date;
  timeZone: string;
}

export interface Returnable {
  returnable: number;
  windowEndsOn: IsoDate | null;
  blockedBy: ReturnBlock | null;
}

/**
 * What of one order line may still be asked back: delivered less already
 * returned, while the window is open (to the end of its last day, local
 * time); 0 with the reason otherwise.
 */
export function returnableQuantity(facts: ReturnableFacts): Returnable {
  if (facts.delivered <= 0 || facts.deliveredAt === null) {
    return { returnable: 0, windowEndsOn: null, blockedBy: 'not_delivered' };
  }
  const windowEndsOn = returnWindowEndsOn(facts.deliveredAt, facts.windowDays, facts.timeZone);
  if (facts.windowDays <= 0) return { returnable: 0, windowEndsOn, blockedBy: 'not_returnable' };
  const today = localDateTime(facts.now, facts.timeZone).date;
  if (today > windowEndsOn) return { returnable: 0, windowEndsOn, blockedBy: 'window_closed' };
  const left = Math.max(0, facts.delivered - facts.alreadyReturned);
  return { returnable: left, windowEndsOn, blockedBy: left === 0 ? 'all_returned' : null };
}
