import { documentFilename, type DocumentFormat, type DocumentModel } from './document-model';

/** The facts of a credit note its PDF shows (the contracts' CreditNote has them all). */
export interface CreditNoteDocumentInput {
  number: string;
  accountCode: string;
  accountName: string;
  returnNumber: string;
  orderNumber: string;
  issuedAt: string;
  subtotal: string;
  fee: string;
  total: string;
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: string;
    gross: string;
    feePercent: string;
    fee: string;
    total: string;
  }[];
}

/**
 * The credit note: what came back and was credited, at the price paid, less
 * any restocking fee. Every amount is the note's own (the document does no
 * arithmetic of its own); a zero fee is not shown as a deduction.
 */
export function creditNoteDocument(
  creditNote: CreditNoteDocumentInput,
  format: DocumentFormat,
): DocumentModel {
  const charged = creditNote.lines.some((line) => Number(line.feePercent) > 0);
  const totals = [{ label: 'Returned goods', value: format.money(creditNote.subtotal), grand: false }];
  if (charged) {
    totals.push({ label: 'Restocking fee', value: `-${format.money(creditNote.fee)}`, grand: false });
  }
  totals.push({ label: 'Total credit', value: format.money(creditNote.total), grand: true });
  return {
    title: 'Credit note',
    number: creditNote.number,
    filename: documentFilename(creditNote.number),
    facts: [
      { label: 'Issued on', value: format.day(creditNote.issuedAt) },
      { label: 'Return', value: creditNote.returnNumber },
      { label: 'Order', value: creditNote.orderNumber },
    ],
    parties: [{ heading: 'Customer', lines: [creditNote.accountName, `Account ${creditNote.accountCode}`] }],
    columns: [
      { heading: 'SKU', align: 'left', width: 2 },
      { heading: 'Description', align: 'left', width: 2.6 },
      { heading: 'Qty', align: 'right', width: 0.6 },
      { heading: 'Unit price', align: 'right', width: 1.2 },
      { heading: 'Gross', align: 'right', width: 1.3 },
      { heading: 'Fee', align: 'right', width: 1.3 },
      { heading: 'Credit', align: 'right', width: 1.3 },
    ],
    rows: creditNote.lines.map((line) => [
      line.sku,
      line.name,
      String(line.quantity),
      format.money(line.unitPrice),
      format.money(line.gross),
      Number(line.feePercent) > 0 ? `${format.money(line.fee)} (${line.feePercent}%)` : '—',
      format.money(line.total),
    ]),
    totals,
    sections: [
      {
        heading: 'About this credit',
        text:
          `This note credits your account for goods received back on return ${creditNote.returnNumber} ` +
          `(order ${creditNote.orderNumber}), at the price you paid` +
          (charged ? ', less the restocking fee for the reason given.' : '.') +
          ' It lowers the balance you owe; quote its number with any question.',
      },
    ],
  };
}
