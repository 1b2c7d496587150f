import { documentFilename, documentLabel, type DocumentFormat, type DocumentModel } from './document-model';

/** The facts of a return its RMA document shows (the contracts' ProductReturn has them all). */
export interface ReturnDocumentInput {
  number: string;
  orderNumber: string;
  accountCode: string;
  accountName: string;
  status: string;
  createdAt: string;
  requestedBy: { name: string } | null;
  rejectionReason: string | null;
  lines: {
    sku: string;
    name: string;
    quantity: number;
    reason: string;
    note: string | null;
    resolution: string;
  }[];
}

/** Where the parcel goes: the company's name and postal address (the letterhead's). */
export interface ReturnAddress {
  name: string;
  address: string[];
}

const REASONS: Record<string, string> = {
  damaged: 'Damaged',
  defective: 'Defective',
  wrong_item: 'Wrong item',
  not_needed: 'Not needed',
  other: 'Other',
};

/**
 * The return authorisation (RMA) the buyer prints and puts in the parcel:
 * its number, what goes back and why, what they get for it, and where to
 * send it. Until staff approve it, it says not to send anything yet; a
 * rejected return says why and that nothing should be sent.
 */
export function returnDocument(
  ret: ReturnDocumentInput,
  sendTo: ReturnAddress,
  format: DocumentFormat,
): DocumentModel {
  const facts = [
    { label: 'RMA number', value: ret.number },
    { label: 'Order', value: ret.orderNumber },
    { label: 'Requested on', value: format.day(ret.createdAt) },
    { label: 'Status', value: documentLabel(ret.status) },
  ];
  if (ret.requestedBy) facts.push({ label: 'Requested by', value: ret.requestedBy.name });
  const units = ret.lines.reduce((total, line) => total + line.quantity, 0);
  return {
    title: 'Return authorisation',
    number: ret.number,
    filename: documentFilename(ret.number),
    facts,
    parties: [
      { heading: 'Customer', lines: [ret.accountName, `Account ${ret.accountCode}`] },
      { heading: 'Send to', lines: [sendTo.name, ...sendTo.address] },
    ],
    columns: [
      { heading: 'SKU', align: 'left', width: 2 },
      { heading: 'Description', align: 'left', width: 2.6 },
      { heading: 'Qty', align: 'right', width: 0.6 },
      { heading: 'Reason', align: 'left', width: 2.4 },
      { heading: 'Resolution', align: 'left', width: 1.2 },
    ],
    rows: ret.lines.map((line) => [
      line.sku,
      line.name,
      String(line.quantity),
      line.note
        ? `${REASONS[line.reason] ?? documentLabel(line.reason)}: ${line.note}`
        : (REASONS[line.reason] ?? documentLabel(line.reason)),
      line.resolution === 'replace' ? 'Replacement' : 'Credit',
    ]),
    totals: [{ label: 'Units to return', value: String(units), grand: true }],
    sections: [instructions(ret, sendTo)],
  };
}

function instructions(ret: ReturnDocumentInput, sendTo: ReturnAddress) {
  if (ret.status === 'requested') {
    return {
      heading: 'Not approved yet',
      text: `Return ${ret.number} is waiting for our approval. Please do not send anything until it is approved; we will let you know.`,
    };
  }
  if (ret.status === 'rejected') {
    return {
      heading: 'Return not accepted',
      text: `Return ${ret.number} was not accepted${ret.rejectionReason ? `: ${ret.rejectionReason}` : ''}. Please do not send these goods back.`,
    };
  }
  return {
    heading: 'How to send it back',
    text:
      `Print this page and put it in the parcel with the goods listed above. Write ${ret.number} clearly on ` +
      `the outside of the parcel and send it to ${[sendTo.name, ...sendTo.address].join(', ')}. ` +
      'Credit lines are credited at the price you paid once the goods arrive; replacement lines are sent again.',
  };
}
