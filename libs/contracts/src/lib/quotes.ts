import type { PromiseSplit } from './availability';
import type { IsoDate, IsoInstant, LineReference, MoneyString, SortQuery } from './common';

/**
 * Sales quotes: a buyer asks what lines would cost and when they could
 * arrive, an account manager answers with prices valid until a date, and the
 * buyer accepts (an order), asks for changes, or declines.
 *
 * Named `SalesQuote…` because `Quote` (pricing.ts) is the price calculator's
 * answer for a cart of lines.
 */
export const SALES_QUOTE_STATUSES = [
  'requested',
  'quoted',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
] as const;
export type SalesQuoteStatus = (typeof SALES_QUOTE_STATUSES)[number];

/** One line of one revision of a quote. */
export interface SalesQuoteLine {
  id: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  /** The quoted unit price; null while the revision is `requested` (not priced yet). */
  unitPrice: MoneyString | null;
  /** The product's list price when the revision was asked for or quoted. */
  listPrice: MoneyString;
  /** What the account would pay without the quote (contract, tier, list), when asked for or quoted. */
  normalPrice: MoneyString;
  /** quantity × unitPrice; null while `requested`. */
  lineTotal: MoneyString | null;
  /** The promise computed when the revision was quoted (information: nothing is reserved); null while `requested`. */
  promise: { splits: PromiseSplit[] } | null;
}

export interface SalesQuoteEvent {
  at: IsoInstant;
  by: { id: string; name: string } | null;
  from: SalesQuoteStatus | null;
  to: SalesQuoteStatus;
  /** `requested`, `quoted`, `revised`, `changes_requested`, `accepted`, `declined`, `withdrawn`, `expired`. */
  kind: string;
  reason: string | null;
  /** The revision the event concerns. */
  revision: number;
  /** For `accepted`: the order placed. */
  orderId: string | null;
}

/** One revision of a quote, as listed on the quote (read it whole with `?revision=`). */
export interface SalesQuoteRevisionRef {
  revision: number;
  /** When it was quoted; null while it is the `requested` revision. */
  quotedAt: IsoInstant | null;
  quotedBy: { id: string; name: string } | null;
  validUntil: IsoDate | null;
  subtotal: MoneyString | null;
}

export interface SalesQuoteSummary {
  id: string;
  number: string;
  accountId: string;
  accountName: string;
  status: SalesQuoteStatus;
  /** The latest revision. */
  revision: number;
  /** The last day the quoted prices hold (to the end of that day, deployment time zone); null until quoted. */
  validUntil: IsoDate | null;
  requestedDate: IsoDate | null;
  lineCount: number;
  /** Of the latest revision; null until quoted. */
  subtotal: MoneyString | null;
  currency: string;
  createdAt: IsoInstant;
  createdBy: { id: string; name: string } | null;
  updatedAt: IsoInstant;
  /** The order it became, once accepted. */
  orderId: string | null;
}

export interface SalesQuote extends SalesQuoteSummary {
  message: string | null;
  /** The revision shown (the latest unless `?revision=` named another). */
  shownRevision: number;
  lines: SalesQuoteLine[];
  events: SalesQuoteEvent[];
  revisions: SalesQuoteRevisionRef[];
}

/** What `GET /api/quotes` sorts by; the default is `createdAt` descending. */
export const SALES_QUOTE_SORT_FIELDS = ['createdAt', 'number', 'validUntil', 'status'] as const;
export type SalesQuoteSortField = (typeof SALES_QUOTE_SORT_FIELDS)[number];

export interface SalesQuoteQuery extends SortQuery<SalesQuoteSortField> {
  status?: SalesQuoteStatus;
  accountId?: string;
  page?: number;
  pageSize?: number;
}

/** `POST /api/quotes` with an `Idempotency-Key`. */
export interface CreateSalesQuoteRequest {
  /** Staff (account manager) asking for an account of theirs; customer users ask for their own. */
  accountId?: string;
  lines: LineReference[];
  requestedDate?: IsoDate;
  message?: string;
}

/** `POST /api/quotes/:id/quote`: price a `requested` quote, or revise a `quoted` (or re-quote an `expired`) one. */
export interface QuoteSalesQuoteRequest {
  /** Default: 30 days from today. Not before today. */
  validUntil?: IsoDate;
  /** One price per line of the quote, by product. */
  lines: { productId: string; unitPrice: MoneyString }[];
}

/** `POST /api/quotes/:id/accept` with an `Idempotency-Key` (`?dryRun=true`: the order preview). */
export interface AcceptSalesQuoteRequest {
  /** The revision the buyer accepts: an older one answers 409. */
  revision: number;
  /** Accept only these lines (the rest lapse); default all. */
  lineIds?: string[];
  shippingAddressId: string;
  poNumber?: string;
  shipComplete: boolean;
  /** The subtotal the buyer saw; a different one answers 409. */
  expectedSubtotal?: MoneyString;
}

export interface RequestSalesQuoteChangesRequest {
  message: string;
}

/** `POST /api/quotes/:id/decline` and `/withdraw`. */
export interface SalesQuoteReasonRequest {
  reason: string;
}
