import type { IsoDate } from '../availability/calendar';
import type { Cents } from '../money';
import type { PriceSource } from '../pricing/price-line';
import type { QuoteStatus } from './quote-status';

/**
 * The status a quote reads as on `today`: a `quoted` quote whose prices no
 * longer hold is `expired`, whether or not the sweep has written it yet.
 * Nothing else changes with time (declined and withdrawn never expire).
 */
export function quoteStatusOn(status: QuoteStatus, validUntil: IsoDate | null, today: IsoDate): QuoteStatus {
  if (status === 'quoted' && validUntil !== null && today > validUntil) return 'expired';
  return status;
}

export interface AcceptanceFacts {
  status: QuoteStatus;
  latestRevision: number;
  validUntil: IsoDate | null;
  /** Line ids of the latest revision. */
  lineIds: readonly string[];
}

export interface AcceptanceRequest {
  revision: number;
  /** A subset to accept; absent: every line. */
  lineIds?: readonly string[];
}

export type AcceptanceRefusal =
  | { kind: 'already_accepted' }
  | { kind: 'not_quoted'; status: QuoteStatus }
  | { kind: 'expired'; validUntil: IsoDate }
  | { kind: 'stale_revision'; latestRevision: number }
  | { kind: 'unknown_lines'; lineIds: string[] }
  | { kind: 'no_lines' };

/**
 * Whether the buyer may accept, and which lines. Refusals in the order a
 * buyer should hear them: an accepted quote, one not quoted (or no longer
 * valid on `today`), an older revision, lines not on the revision.
 */
export function acceptQuote(
  facts: AcceptanceFacts,
  request: AcceptanceRequest,
  today: IsoDate,
): { ok: true; lineIds: string[] } | { ok: false; refusal: AcceptanceRefusal } {
  const status = quoteStatusOn(facts.status, facts.validUntil, today);
  if (status === 'accepted') return { ok: false, refusal: { kind: 'already_accepted' } };
  if (status === 'expired' && facts.validUntil !== null)
    return { ok: false, refusal: { kind: 'expired', validUntil: facts.validUntil } };
  if (status !== 'quoted') return { ok: false, refusal: { kind: 'not_quoted', status } };
  if (request.revision !== facts.latestRevision)
    return { ok: false, refusal: { kind: 'stale_revision', latestRevision: facts.latestRevision } };
  if (request.lineIds === undefined) return { ok: true, lineIds: [...facts.lineIds] };
  const known = new Set(facts.lineIds);
  const unknown = request.lineIds.filter((id) => !known.has(id));
  if (unknown.length > 0) return { ok: false, refusal: { kind: 'unknown_lines', lineIds: unknown } };
  const chosen = new Set(request.lineIds);
  const lineIds = facts.lineIds.filter((id) => chosen.has(id));
  if (lineIds.length === 0) return { ok: false, refusal: { kind: 'no_lines' } };
  return { ok: true, lineIds };
}

export interface QuotedLinePrice {
  unitPrice: Cents;
  lineTotal: Cents;
  source: PriceSource;
}

/**
 * The price an accepted line takes: the quoted unit price, source `quote`,
 * whatever the tier, contract and list prices say today, as long as the quote
 * holds (`validUntil` not passed on `today`). Past it there is no quoted
 * price (null): the quote cannot be accepted.
 */
export function acceptedLinePrice(
  quotedUnitPrice: Cents,
  quantity: number,
  validUntil: IsoDate,
  today: IsoDate,
): QuotedLinePrice | null {
  if (today > validUntil) return null;
  if (quotedUnitPrice < 0n) throw new RangeError('A quoted unit price cannot be negative');
  if (!Number.isInteger(quantity) || quantity <= 0)
    throw new RangeError('A quantity is a positive whole number');
  return { unitPrice: quotedUnitPrice, lineTotal: quotedUnitPrice * BigInt(quantity), source: 'quote' };
}
