import type { IsoDate, PromiseLine, PromiseSource, PromiseSplit } from '@tradecounter/contracts';
import { businessDaysBetween } from '@tradecounter/domain';
import { calendarDaysBetween, formatDay } from './promise-dates';

/** Dates further than this many business days away are worded in weeks. */
export const FAR_BUSINESS_DAYS = 10;

export type AvailabilityTone = 'in_stock' | 'low' | 'out' | 'far';

/** What is known about a product's supply when wording it. */
export interface AvailabilityFacts {
  /** Units available now (on hand − reserved). */
  available: number;
  /** Units the buyer wants: the typed quantity, or the minimum order in lists. */
  quantity: number;
  /** When one unit ordered now would ship. */
  nextShipDate: IsoDate;
  /** When units beyond `available` would ship, where known. */
  moreShipDate?: IsoDate | null;
}

/** The reader's today (browser) and the business calendar, to word how far off a date is. */
export interface WordingContext {
  today: IsoDate;
  holidays: ReadonlySet<IsoDate>;
}

export interface AvailabilityWording {
  tone: AvailabilityTone;
  /** Short, leading part: "In stock", "5 in stock", "Out of stock". */
  label: string;
  /** The when: "ships Tue 2 Mar"; may be empty. */
  detail: string;
  /** The whole sentence: "In stock · ships Tue 2 Mar". */
  text: string;
  /** The exact date for a tooltip, where the sentence rounds it to weeks. */
  exact: string;
}

const ICONS: Record<AvailabilityTone, string> = {
  in_stock: 'check_circle',
  low: 'warning',
  out: 'schedule',
  far: 'schedule',
};

export function toneIcon(tone: AvailabilityTone): string {
  return ICONS[tone];
}

/** "Tue 2 Mar", or "in about 3 weeks" when the date is more than ten business days away. */
export function whenWords(date: IsoDate, context: WordingContext): { words: string; far: boolean } {
  const far = businessDaysBetween(context.today, date, context.holidays) > FAR_BUSINESS_DAYS;
  if (!far) return { words: formatDay(date, context.today), far };
  const days = calendarDaysBetween(context.today, date);
  if (days >= 8 * 7) return { words: `in about ${Math.round(days / 30)} months`, far };
  return { words: `in about ${Math.max(2, Math.round(days / 7))} weeks`, far };
}

/**
 * The one-line availability a buyer reads before ordering:
 * - enough now for the quantity: "In stock · ships Tue 2 Mar";
 * - some now: "5 in stock · more ships Thu 11 Mar" (or "Only 5 in stock · ships …" when the later date is unknown);
 * - none now: "Out of stock · ships Thu 11 Mar", or "Ships in about 3 weeks" when that is far off.
 */
export function describeAvailability(facts: AvailabilityFacts, context: WordingContext): AvailabilityWording {
  const available = Math.max(0, Math.floor(facts.available));
  const quantity = Math.max(1, facts.quantity);
  const next = whenWords(facts.nextShipDate, context);
  const exactNext = `Ships ${formatDay(facts.nextShipDate, context.today)}`;
  if (available >= quantity) {
    return wording('in_stock', 'In stock', `ships ${next.words}`, next.far ? exactNext : '');
  }
  if (available > 0) {
    if (!facts.moreShipDate) return wording('low', `Only ${available} in stock`, `ships ${next.words}`, '');
    const more = whenWords(facts.moreShipDate, context);
    const detail = more.far ? `more ${more.words}` : `more ships ${more.words}`;
    const exact = more.far ? `More ships ${formatDay(facts.moreShipDate, context.today)}` : '';
    return wording('low', `${available} in stock`, detail, exact);
  }
  const date = facts.moreShipDate ?? facts.nextShipDate;
  const when = whenWords(date, context);
  if (when.far) {
    const exact = `Out of stock · ships ${formatDay(date, context.today)}`;
    return wording('far', `Ships ${when.words}`, '', exact);
  }
  return wording('out', 'Out of stock', `ships ${when.words}`, '');
}

function wording(tone: AvailabilityTone, label: string, detail: string, exact: string): AvailabilityWording {
  return { tone, label, detail, text: detail ? `${label} · ${detail}` : label, exact };
}

const SOURCE_WORDS: Record<PromiseSource, string> = {
  stock: 'from stock',
  inbound: 'from incoming stock',
  supplier: 'from supplier',
};

export function sourceWords(source: PromiseSource): string {
  return SOURCE_WORDS[source];
}

/** "5 ship Tue 2 Mar (arrive Fri 5 Mar) from stock"; "1 ships …" for a single unit. */
export function describeSplit(split: PromiseSplit, today: IsoDate): string {
  const verb = split.qty === 1 ? 'ships' : 'ship';
  const ship = formatDay(split.shipDate, today);
  const arrive = formatDay(split.deliveryDate, today);
  return `${split.qty} ${verb} ${ship} (arrive ${arrive}) ${sourceWords(split.source)}`;
}

/** Every split of a line in words, in ship-date order, joined by semicolons. */
export function describePromise(line: PromiseLine, today: IsoDate): string {
  return line.splits.map((split) => describeSplit(split, today)).join('; ');
}

/** "All 20 ship Wed 17 Mar and arrive Mon 22 Mar": ship complete waits for the last split. */
export function describeShipComplete(
  quantity: number,
  dates: { shipDate: IsoDate; deliveryDate: IsoDate },
  today: IsoDate,
): string {
  const ship = formatDay(dates.shipDate, today);
  const arrive = formatDay(dates.deliveryDate, today);
  if (quantity === 1) return `It ships ${ship} and arrives ${arrive}`;
  return `All ${quantity} ship ${ship} and arrive ${arrive}`;
}

/**
 * The headline for a typed quantity, from its promise: the same sentence as
 * the catalog's, with the "more" date taken from the first split not from stock.
 */
export function describePromiseHeadline(line: PromiseLine, context: WordingContext): AvailabilityWording {
  const first = line.splits[0];
  const later = line.splits.find((split) => split.source !== 'stock');
  return describeAvailability(
    {
      available: line.available,
      quantity: line.quantity,
      nextShipDate: first?.shipDate ?? context.today,
      moreShipDate: later?.shipDate ?? null,
    },
    context,
  );
}

/**
 * Units the order would be refused for: a product that is not backorderable
 * cannot be ordered beyond stock and incoming supply. 0 when all can be ordered.
 */
export function unitsBeyondSupply(line: PromiseLine): number {
  if (line.backorderable) return 0;
  return line.splits
    .filter((split) => split.source === 'supplier')
    .reduce((sum, split) => sum + split.qty, 0);
}
