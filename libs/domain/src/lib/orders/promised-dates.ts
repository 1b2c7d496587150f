import type { IsoDate, PromiseDates, PromiseSplit } from '../availability';

/** The delivery date each line is promised at placement, and the first date anything of the order arrives. */
export interface PromisedDates {
  /** Per line, in line order: the date its last unit is delivered, or with ship complete the one date of all. */
  perLine: IsoDate[];
  /** The earliest delivery of the order: a requested delivery date before it cannot be met. */
  earliest: IsoDate;
}

/**
 * What an order promises its lines (domain.md: "ship complete (one date: the
 * latest split) or ship as available"). Reports measure on-time delivery
 * against these first promised dates.
 */
export function promisedDates(
  lines: readonly { splits: readonly PromiseSplit[] }[],
  complete: PromiseDates,
  shipComplete: boolean,
): PromisedDates {
  if (shipComplete)
    return { perLine: lines.map(() => complete.deliveryDate), earliest: complete.deliveryDate };
  const perLine = lines.map(
    (line) => line.splits[line.splits.length - 1]?.deliveryDate ?? complete.deliveryDate,
  );
  const firsts = lines.map((line) => line.splits[0]?.deliveryDate ?? complete.deliveryDate);
  return {
    perLine,
    earliest: firsts.reduce((min, date) => (date < min ? date : min), complete.deliveryDate),
  };
}

/** Why a requested delivery date cannot be taken, or null: it may not be before the earliest promised delivery. */
export function requestedDateProblem(requested: IsoDate | undefined, dates: PromisedDates): string | null {
  return requested !== undefined && requested < dates.earliest
    ? `must be on or after ${dates.earliest}, the earliest delivery`
    : null;
}
