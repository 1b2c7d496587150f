import type { SalesQuote, SalesQuoteStatus, SalesQuoteSummary } from '@tradecounter/contracts';
import { quoteStatusOn } from '@tradecounter/domain';
import type { QuoteLineRow, QuoteRow, QuoteSummaryRow } from './quotes.repository';

/** The status as of `today`: a quoted quote past its date reads as expired even before the sweep writes it. */
function statusOn(
  row: { status: SalesQuoteStatus; validUntil: string | null },
  today: string,
): SalesQuoteStatus {
  return quoteStatusOn(row.status, row.validUntil, today);
}

export function toQuoteSummary(row: QuoteSummaryRow, currency: string, today: string): SalesQuoteSummary {
  return {
    id: row.id,
    number: row.number,
    accountId: row.accountId,
    accountName: row.accountName,
    status: statusOn(row, today),
    revision: row.revision,
    validUntil: row.validUntil,
    requestedDate: row.requestedDate,
    lineCount: row.lineCount,
    subtotal: row.subtotal,
    currency,
    createdAt: instant(row.createdAt),
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? '' } : null,
    updatedAt: instant(row.updatedAt),
    orderId: row.orderId,
  };
}

export function toQuote(
  row: QuoteRow,
  shownRevision: number,
  lines: QuoteLineRow[],
  currency: string,
  today: string,
): SalesQuote {
  return {
    ...toQuoteSummary(row, currency, today),
    message: row.message,
    shownRevision,
    lines: lines.map((line) => ({
      id: line.id,
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      listPrice: line.listPrice,
      normalPrice: line.normalPrice,
      lineTotal: line.lineTotal,
      promise: line.promise,
    })),
    events: row.events.map((event) => ({
      at: instant(event.at),
      by: event.actorId ? { id: event.actorId, name: event.actorName ?? '' } : null,
      from: event.fromStatus,
      to: event.toStatus,
      kind: event.kind,
      reason: event.reason,
      revision: event.revision,
      orderId: event.orderId,
    })),
    revisions: row.revisions.map((revision) => ({
      revision: revision.revision,
      quotedAt: revision.quotedAt ? instant(revision.quotedAt) : null,
      quotedBy: revision.quotedById ? { id: revision.quotedById, name: revision.quotedByName ?? '' } : null,
      validUntil: revision.validUntil,
      subtotal: revision.subtotal,
    })),
  };
}

function instant(value: Date | string): string {
  return new Date(value).toISOString();
}
