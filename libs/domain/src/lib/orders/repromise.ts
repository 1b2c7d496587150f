import {
  addBusinessDays,
  type IsoDate,
  type PromiseDays,
  type PromiseSettings,
  type PromiseSplit,
} from '../availability';

/** One receipt an order line waits for, as it stands now. */
export interface AwaitedReceipt {
  /** Null once received: its units are stock, shipping on today's first dispatch date. */
  expectedDate: IsoDate | null;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/**
 * When the units of a line's inbound split can ship now that its receipts
 * moved (domain.md rule 3, applied again): handling days after the receipt
 * that completes it, never before today's first dispatch date; received
 * units are stock and ship on it. Null when the line waits for no receipt.
 */
export function inboundShipDate(
  receipts: readonly AwaitedReceipt[],
  settings: PromiseSettings,
  today: PromiseDays,
): IsoDate | null {
  if (receipts.length === 0) return null;
  return receipts.reduce<IsoDate>((latest, receipt) => {
    const ship =
      receipt.expectedDate === null
        ? today.firstDispatchDate
        : addBusinessDays(receipt.expectedDate, settings.handlingDays, settings.holidays);
    return later(latest, ship);
  }, today.firstDispatchDate);
}

/**
 * The line's splits with its inbound split dated `shipDate` (delivery transit
 * days later), in ship-date order. Stock and supplier splits keep their dates.
 */
export function redateInboundSplit(
  splits: readonly PromiseSplit[],
  shipDate: IsoDate,
  settings: PromiseSettings,
): PromiseSplit[] {
  return splits
    .map((split) =>
      split.source === 'inbound'
        ? {
            ...split,
            shipDate,
            deliveryDate: addBusinessDays(shipDate, settings.transitDays, settings.holidays),
          }
        : split,
    )
    .sort((a, b) => (a.shipDate < b.shipDate ? -1 : a.shipDate > b.shipDate ? 1 : 0));
}

/**
 * Each line's current promised delivery date: its latest split's delivery,
 * or with ship complete the latest of the whole order (one date for all).
 */
export function currentPromisedDates(
  lines: readonly { splits: readonly PromiseSplit[] }[],
  shipComplete: boolean,
): IsoDate[] {
  const lastOf = (splits: readonly PromiseSplit[]): IsoDate =>
    splits.reduce<IsoDate>((latest, split) => later(latest, split.deliveryDate), '');
  const perLine = lines.map((line) => lastOf(line.splits));
  if (!shipComplete) return perLine;
  const orderLatest = perLine.reduce<IsoDate>((latest, date) => later(latest, date), '');
  return perLine.map(() => orderLatest);
}
