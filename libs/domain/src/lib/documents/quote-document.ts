import { documentFilename, documentLabel, type DocumentFormat, type DocumentModel } from './document-model';

/** The facts of one revision of a sales quote that its PDF shows (the API's SalesQuote has them all). */
export interface QuoteDocumentInput {
  number: string;
  status: string;
  accountName: string;
  /** The latest revision, and the one shown (an earlier one is marked superseded). */
  revision: number;
  shownRevision: number;
  createdAt: string;
  requestedDate: string | null;
  /** Of the revision shown; null until quoted. */
  validUntil: string | null;
  /** Of the revision shown; null until quoted. */
  subtotal: string | null;
  message: string | null;
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: string | null;
    lineTotal: string | null;
    promise: { splits: { qty: number; deliveryDate: string }[] } | null;
  }[];
}

/** What the quote PDF adds from outside the quote: who quoted the revision shown and when, and the account. */
export interface QuoteDocumentContext {
  quotedAt: string | null;
  quotedBy: string | null;
  accountCode: string;
  /** The account's payment terms ("net_30"), on which an accepted quote is ordered. */
  paymentTerms: string;
}

const NOT_PRICED = 'To be quoted';

/**
 * The quote as the buyer keeps it: each line's quantity and quoted price,
 * the estimated delivery made when it was quoted, the total, and how long
 * the prices hold. A revision still `requested` (not priced yet) reads as a
 * quote request with its prices "To be quoted".
 */
export function quoteDocument(
  quote: QuoteDocumentInput,
  context: QuoteDocumentContext,
  format: DocumentFormat,
): DocumentModel {
  const priced = quote.subtotal !== null;
  const facts = [
    {
      label: 'Revision',
      value:
        quote.shownRevision < quote.revision
          ? `${quote.shownRevision} (superseded by ${quote.revision})`
          : String(quote.shownRevision),
    },
    { label: 'Status', value: documentLabel(quote.status) },
    { label: 'Requested on', value: format.day(quote.createdAt) },
  ];
  if (context.quotedAt) facts.push({ label: 'Quoted on', value: format.day(context.quotedAt) });
  if (context.quotedBy) facts.push({ label: 'Quoted by', value: context.quotedBy });
  if (quote.validUntil) facts.push({ label: 'Valid until', value: format.date(quote.validUntil) });
  if (quote.requestedDate)
    facts.push({ label: 'Delivery wanted by', value: format.date(quote.requestedDate) });
  const sections = [{ heading: 'Terms', text: quoteTerms(quote.validUntil, context.paymentTerms, format) }];
  if (quote.message) sections.unshift({ heading: 'Request', text: quote.message });
  return {
    title: priced ? 'Quotation' : 'Quote request',
    number: quote.number,
    filename: documentFilename(quote.number),
    facts,
    parties: [{ heading: 'Prepared for', lines: [quote.accountName, `Account ${context.accountCode}`] }],
    columns: [
      { heading: '#', align: 'right', width: 0.5 },
      { heading: 'SKU', align: 'left', width: 2.2 },
      { heading: 'Description', align: 'left', width: 2.8 },
      { heading: 'Qty', align: 'right', width: 0.7 },
      { heading: 'Quoted price', align: 'right', width: 1.5 },
      { heading: 'Estimated delivery', align: 'right', width: 1.7 },
      { heading: 'Line total', align: 'right', width: 1.5 },
    ],
    rows: quote.lines.map((line, index) => [
      String(index + 1),
      line.sku,
      line.name,
      String(line.quantity),
      line.unitPrice === null ? NOT_PRICED : format.money(line.unitPrice),
      estimatedDelivery(line.promise, format),
      line.lineTotal === null ? NOT_PRICED : format.money(line.lineTotal),
    ]),
    totals: [
      {
        label: 'Subtotal (excl. tax)',
        value: quote.subtotal === null ? NOT_PRICED : format.money(quote.subtotal),
        grand: true,
      },
    ],
    sections,
  };
}

/** One split: its date; several: "4 by 10 Dec 2026" per split, one per line. */
function estimatedDelivery(
  promise: QuoteDocumentInput['lines'][number]['promise'],
  format: DocumentFormat,
): string {
  const splits = promise?.splits ?? [];
  if (splits.length === 0) return '—';
  if (splits.length === 1) return format.date(splits[0]?.deliveryDate ?? '');
  return splits.map((split) => `${split.qty} by ${format.date(split.deliveryDate)}`).join('\n');
}

function quoteTerms(validUntil: string | null, paymentTerms: string, format: DocumentFormat): string {
  const validity = validUntil
    ? `The quoted prices hold until the end of ${format.date(validUntil)}, whatever list prices and price tiers do in the meantime.`
    : 'Prices follow once the request is quoted.';
  return (
    `${validity} Delivery dates are estimates made when the quote was prepared: nothing is reserved until ` +
    'the quote is accepted, and the order then promises its own dates. An accepted quote is ordered on ' +
    `payment terms ${documentLabel(paymentTerms)}.`
  );
}
