import type { IsoDate } from '../availability/calendar';
import type { Cents } from '../money';
import { quoteStatusOn } from '../quotes/quote-acceptance';
import type { QuoteStatus } from '../quotes/quote-status';
import { share } from './figures';

/*
 * Quote conversion (docs/reports.md): of the quotes *quoted* in a period,
 * how many became orders, and for how much.
 *
 * - A quote counts in the period that holds its **first quoting**: the day,
 *   in the deployment's time zone, its first revision was priced (requested →
 *   quoted). Revisions, re-quotes and requests for changes never move it to
 *   another period, so a quote is counted once, in one period, for good.
 * - A quote never priced (still requested, or declined or withdrawn before
 *   anyone quoted it) was never quoted: it is not counted.
 * - Its outcome is its status today: accepted, declined, expired (a quoted
 *   quote past its valid-until day is expired even before the sweep writes
 *   it), withdrawn, or open (quoted and still live, or back with the seller
 *   after the buyer asked for changes).
 * - Quoted value: the subtotal of its latest priced revision (what the buyer
 *   was last offered). Accepted value: the subtotal of the order it became
 *   (the accepted lines at their quoted prices; a partial acceptance counts
 *   only the lines taken).
 * - Conversion: accepted ÷ quoted, a share from 0 to 1 (null when nothing
 *   was quoted); value conversion: accepted value ÷ quoted value.
 */

export type QuoteOutcome = 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'open';

/** Quotes of one group, first quoted on one day, in one status and validity: what the SQL counts and sums. */
export interface QuoteConversionCount {
  firstQuotedOn: IsoDate;
  status: QuoteStatus;
  validUntil: IsoDate | null;
  quotes: number;
  quotedValue: Cents;
  acceptedValue: Cents;
}

export interface QuoteConversionFigures {
  quoted: number;
  accepted: number;
  declined: number;
  expired: number;
  withdrawn: number;
  open: number;
  conversion: number | null;
  quotedValue: Cents;
  acceptedValue: Cents;
  valueConversion: number | null;
}

export function quoteOutcome(status: string): QuoteOutcome {
  switch (status) {
    case 'accepted':
    case 'declined':
    case 'expired':
    case 'withdrawn':
      return status;
    default:
      return 'open';
  }
}

/** Whether a quote first quoted on `firstQuotedOn` (null: never quoted) counts in the period. */
export function quotedInPeriod(
  firstQuotedOn: IsoDate | null,
  period: { from: IsoDate; to: IsoDate },
): boolean {
  return firstQuotedOn !== null && firstQuotedOn >= period.from && firstQuotedOn <= period.to;
}

/** The conversion figures of a group's counts, keeping only the quotes first quoted in the period. */
export function quoteConversion(
  counts: readonly QuoteConversionCount[],
  period: { from: IsoDate; to: IsoDate },
  today: IsoDate,
): QuoteConversionFigures {
  const outcomes: Record<QuoteOutcome, number> = {
    accepted: 0,
    declined: 0,
    expired: 0,
    withdrawn: 0,
    open: 0,
  };
  let quotedValue = 0n;
  let acceptedValue = 0n;
  for (const count of counts) {
    if (!quotedInPeriod(count.firstQuotedOn, period)) continue;
    outcomes[quoteOutcome(quoteStatusOn(count.status, count.validUntil, today))] += count.quotes;
    quotedValue += count.quotedValue;
    acceptedValue += count.acceptedValue;
  }
  const quoted = Object.values(outcomes).reduce((sum, n) => sum + n, 0);
  return {
    quoted,
    ...outcomes,
    conversion: share(outcomes.accepted, quoted),
    quotedValue,
    acceptedValue,
    valueConversion: quotedValue > 0n ? Number(acceptedValue) / Number(quotedValue) : null,
  };
}
