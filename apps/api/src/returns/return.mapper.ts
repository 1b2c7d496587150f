import type {
  CreditNote,
  CreditNoteSummary,
  ProductReturn,
  ReturnEvent,
  ReturnLine,
  ReturnSummary,
} from '@tradecounter/contracts';
import { creditLineAmounts, formatFeePercent, formatMoney, parseMoney, sumMoney } from '@tradecounter/domain';
import type { CreditNoteLineRow, CreditNoteRow } from './credit-notes.repository';
import type { ReturnEventRow, ReturnLineRow, ReturnRow } from './returns.repository';

/** What the credit would be for every `credit` line's whole quantity, at the price paid less its fee. */
export function estimatedCredit(lines: ReturnLineRow[]): string {
  return formatMoney(
    sumMoney(
      lines
        .filter((line) => line.resolution === 'credit')
        .map((line) => creditLineAmounts(line.quantity, line.unitPrice, line.feePercent).total),
    ),
  );
}

export function toReturnSummary(row: ReturnRow, lines: ReturnLineRow[], currency: string): ReturnSummary {
  return {
    id: row.id,
    number: row.number,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    accountId: row.accountId,
    accountCode: row.accountCode,
    accountName: row.accountName,
    status: row.status,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    estimatedCredit: estimatedCredit(lines),
    creditedTotal: formatMoney(parseMoney(row.creditedTotal)),
    currency,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toReturnLine(line: ReturnLineRow): ReturnLine {
  return {
    id: line.id,
    orderLineId: line.orderLineId,
    lineNo: line.orderLineNo,
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    reason: line.reason,
    note: line.note,
    resolution: line.resolution,
    unitPrice: line.unitPrice,
    feePercent: formatFeePercent(line.feePercent),
    received: line.received,
    restocked: line.restocked,
    scrapped: line.scrapped,
    credited: line.credited,
    replacementOrder:
      line.replacementOrderId && line.replacementOrderNumber
        ? { id: line.replacementOrderId, number: line.replacementOrderNumber }
        : null,
  };
}

function toReturnEvent(event: ReturnEventRow): ReturnEvent {
  const data = event.data ?? {};
  const note = data['creditNote'] as { id: string; number: string; total: string } | undefined;
  const order = data['order'] as { id: string; number: string } | undefined;
  return {
    at: event.at.toISOString(),
    by: event.actorId ? { id: event.actorId, name: event.actorName ?? '' } : null,
    from: event.fromStatus,
    to: event.toStatus,
    kind: event.kind,
    reason: event.reason,
    ...(note ? { creditNote: note } : {}),
    ...(order ? { order } : {}),
  };
}

export function toProductReturn(
  row: ReturnRow,
  parts: {
    lines: ReturnLineRow[];
    events: ReturnEventRow[];
    photos: { id: string; contentType: string }[];
    creditNotes: { id: string; number: string; total: string; issuedAt: Date }[];
  },
  currency: string,
): ProductReturn {
  return {
    ...toReturnSummary(row, parts.lines, currency),
    creditedTotal: formatMoney(sumMoney(parts.creditNotes.map((note) => parseMoney(note.total)))),
    openedBy: row.openedBy,
    requestedBy: row.requestedBy ? { id: row.requestedBy, name: row.requesterName ?? '' } : null,
    feeWaived: row.feeWaived,
    feeWaivedReason: row.feeWaivedReason,
    rejectionReason: row.rejectionReason,
    lines: parts.lines.map(toReturnLine),
    photos: parts.photos.map((photo) => ({
      id: photo.id,
      url: `/api/returns/${row.id}/photos/${photo.id}`,
      contentType: photo.contentType,
    })),
    events: parts.events.map(toReturnEvent),
    creditNotes: parts.creditNotes.map((note) => ({
      id: note.id,
      number: note.number,
      total: note.total,
      issuedAt: note.issuedAt.toISOString(),
    })),
  };
}

export function toCreditNoteSummary(row: CreditNoteRow, currency: string): CreditNoteSummary {
  return {
    id: row.id,
    number: row.number,
    accountId: row.accountId,
    accountCode: row.accountCode,
    accountName: row.accountName,
    returnId: row.returnId,
    returnNumber: row.returnNumber,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    issuedAt: row.issuedAt.toISOString(),
    currency,
    total: row.total,
  };
}

export function toCreditNote(row: CreditNoteRow, lines: CreditNoteLineRow[], currency: string): CreditNote {
  return {
    ...toCreditNoteSummary(row, currency),
    subtotal: row.subtotal,
    fee: row.fee,
    lines: lines.map((line) => ({
      returnLineId: line.returnLineId,
      orderLineId: line.orderLineId,
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      gross: line.gross,
      feePercent: formatFeePercent(line.feePercent),
      fee: line.fee,
      total: line.total,
    })),
  };
}
