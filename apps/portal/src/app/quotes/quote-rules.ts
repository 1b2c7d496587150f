import type { IsoDate, MoneyString, Role, SalesQuoteLine, SalesQuoteStatus } from '@tradecounter/contracts';
import {
  calendarDaysBetween,
  formatMoney,
  nextQuoteStatus,
  parseMoney,
  QUOTE_EXPIRY_NOTICE_DAYS,
  type QuoteAction,
  sumMoney,
} from '@tradecounter/domain';

/** What a user may do to a quote from its page: the domain's actions, less the clock's `expire`. */
export type QuoteActionName = Exclude<QuoteAction, 'expire'>;

const CUSTOMER_DECIDERS: readonly Role[] = ['buyer', 'approver'];
const QUOTERS: readonly Role[] = ['account_manager', 'admin'];
const CUSTOMER_ACTIONS: readonly QuoteActionName[] = ['accept', 'request_changes', 'decline'];
const QUOTER_ACTIONS: readonly QuoteActionName[] = ['quote', 'withdraw'];

export interface QuoteFacts {
  status: SalesQuoteStatus;
  validUntil: IsoDate | null;
}

/**
 * The actions the page offers: those of the user's side that the quote's
 * state machine (libs/domain nextQuoteStatus) allows from its status. Accepting
 * and asking for changes also need the prices to hold today (`validUntil` to
 * the end of its day), even before the expiry run has marked the quote
 * `expired`. The API decides in the end (the account's own users, its manager).
 */
export function quoteActions(quote: QuoteFacts, role: Role | undefined, today: IsoDate): QuoteActionName[] {
  if (!role) return [];
  const side = CUSTOMER_DECIDERS.includes(role)
    ? CUSTOMER_ACTIONS
    : QUOTERS.includes(role)
      ? QUOTER_ACTIONS
      : [];
  const stillValid = quote.validUntil !== null && quote.validUntil >= today;
  return side.filter(
    (action) =>
      nextQuoteStatus(quote.status, action) !== null &&
      (stillValid || (action !== 'accept' && action !== 'request_changes')),
  );
}

export type Validity =
  { kind: 'none' } | { kind: 'valid'; daysLeft: number; soon: boolean } | { kind: 'lapsed' };

/** How long the quoted prices still hold: `validUntil` counts to the end of its day. */
export function validity(validUntil: IsoDate | null, today: IsoDate): Validity {
  if (!validUntil) return { kind: 'none' };
  const daysLeft = calendarDaysBetween(today, validUntil);
  if (daysLeft < 0) return { kind: 'lapsed' };
  return { kind: 'valid', daysLeft, soon: daysLeft <= QUOTE_EXPIRY_NOTICE_DAYS };
}

/** "expires today", "expires tomorrow", "expires in 3 days". */
export function expiryWords(daysLeft: number): string {
  if (daysLeft <= 0) return 'expires today';
  if (daysLeft === 1) return 'expires tomorrow';
  return `expires in ${daysLeft} days`;
}

export interface PriceComparison {
  /** Per unit, against the other price: positive when the quoted price is lower. */
  perUnit: MoneyString;
  /** Per unit × quantity. */
  total: MoneyString;
  /** The per-unit difference as a share of the other price, "12.5" (%), one decimal; null when that price is 0. */
  percent: string | null;
}

/**
 * A quoted unit price against another price (the account's normal one, or the
 * list price), exactly: bigint cents, the percentage rounded half up to one
 * decimal. Positive means the buyer pays less than that price.
 */
export function comparePrice(quoted: MoneyString, other: MoneyString, quantity: number): PriceComparison {
  const quotedCents = parseMoney(quoted);
  const otherCents = parseMoney(other);
  const diff = otherCents - quotedCents;
  return {
    perUnit: formatMoney(diff),
    total: formatMoney(diff * BigInt(quantity)),
    percent: otherCents === 0n ? null : percentOf(diff, otherCents),
  };
}

/** part / whole as a percentage with one decimal, rounded half away from zero. */
function percentOf(part: bigint, whole: bigint): string {
  const negative = part < 0n !== whole < 0n;
  const a = part < 0n ? -part : part;
  const b = whole < 0n ? -whole : whole;
  const tenths = (a * 2000n + b) / (2n * b);
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return negative && tenths !== 0n ? `-${text}` : text;
}

/** A comparison as the pages show it: amounts without sign, and which way it goes. */
export interface SavingView {
  /** The quoted price equals the other one. */
  same: boolean;
  /** The quoted price is above the other one (no saving). */
  up: boolean;
  perUnit: MoneyString;
  total: MoneyString;
  percent: string | null;
}

export function savingView(comparison: PriceComparison): SavingView {
  const up = comparison.perUnit.startsWith('-');
  const unsigned = (value: string) => value.replace(/^-/, '');
  return {
    same: comparison.perUnit === '0.00',
    up,
    perUnit: unsigned(comparison.perUnit),
    total: unsigned(comparison.total),
    percent: comparison.percent === null ? null : unsigned(comparison.percent),
  };
}

/** quantity × unit price, exactly. */
export function lineTotal(unitPrice: MoneyString, quantity: number): MoneyString {
  return formatMoney(parseMoney(unitPrice) * BigInt(quantity));
}

/** The subtotal of the chosen lines (all of them when `chosen` is undefined), from their quoted totals. */
export function chosenSubtotal(
  lines: readonly Pick<SalesQuoteLine, 'id' | 'lineTotal'>[],
  chosen?: ReadonlySet<string>,
): MoneyString {
  return formatMoney(
    sumMoney(
      lines
        .filter((line) => !chosen || chosen.has(line.id))
        .map((line) => (line.lineTotal ? parseMoney(line.lineTotal) : 0n)),
    ),
  );
}

/** What the buyer saves on the whole quote against their normal prices. */
export function totalSavings(
  lines: readonly Pick<SalesQuoteLine, 'unitPrice' | 'normalPrice' | 'quantity'>[],
): MoneyString {
  return formatMoney(
    sumMoney(
      lines.map((line) =>
        line.unitPrice
          ? (parseMoney(line.normalPrice) - parseMoney(line.unitPrice)) * BigInt(line.quantity)
          : 0n,
      ),
    ),
  );
}

/** A quoting draft: the typed price of each line (by product), read as far as it is valid money. */
export interface QuotingDraftLine {
  productId: string;
  quantity: number;
  normalPrice: MoneyString;
  /** As typed; may be empty or invalid while the account manager types. */
  typed: string;
}

export interface QuotingDraftTotals {
  /** Per product: the line total at the typed price, or null while the price is not valid money. */
  lineTotals: Record<string, MoneyString | null>;
  /** Of the lines with a valid price. */
  subtotal: MoneyString;
  /** Every line has a valid, non-negative price. */
  complete: boolean;
  /** What the account saves against its normal prices, over the lines with a valid price. */
  discount: MoneyString;
}

const TYPED_MONEY = /^\d{1,13}(\.\d{1,2})?$/;

/** Live totals of the quoting page, exactly (bigint cents), never floats. */
export function quotingTotals(lines: readonly QuotingDraftLine[]): QuotingDraftTotals {
  const lineTotals: Record<string, MoneyString | null> = {};
  let subtotal = 0n;
  let discount = 0n;
  let complete = true;
  for (const line of lines) {
    const typed = line.typed.trim();
    if (!TYPED_MONEY.test(typed)) {
      lineTotals[line.productId] = null;
      complete = false;
      continue;
    }
    const total = parseMoney(typed) * BigInt(line.quantity);
    lineTotals[line.productId] = formatMoney(total);
    subtotal += total;
    discount += parseMoney(line.normalPrice) * BigInt(line.quantity) - total;
  }
  return { lineTotals, subtotal: formatMoney(subtotal), complete, discount: formatMoney(discount) };
}
