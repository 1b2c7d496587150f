import {
  addressLines,
  documentFilename,
  documentLabel,
  type DocumentFormat,
  type DocumentModel,
} from './document-model';

/** The facts of an order its confirmation shows (the API's Order has them all). */
export interface OrderDocumentInput {
  number: string;
  status: string;
  accountCode: string;
  accountName: string;
  poNumber: string | null;
  placedAt: string;
  placedBy: { name: string } | null;
  requestedDeliveryDate: string | null;
  shipComplete: boolean;
  notes: string | null;
  subtotal: string;
  shippingAddress: {
    label: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postcode: string;
    country: string;
  };
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: string;
    lineTotal: string;
    currentPromisedDate: string;
  }[];
}

/** What the confirmation adds from outside the order: the account's payment terms ("net_30"). */
export interface OrderDocumentTerms {
  paymentTerms: string;
}

/**
 * The order confirmation: what was ordered, at which prices, delivered
 * where and when it is promised. The total is the order's subtotal as the
 * order states it (the sum of its line totals); the document does no
 * arithmetic of its own.
 */
export function orderConfirmationDocument(
  order: OrderDocumentInput,
  terms: OrderDocumentTerms,
  format: DocumentFormat,
): DocumentModel {
  const facts = [
    { label: 'Order date', value: format.day(order.placedAt) },
    { label: 'Status', value: documentLabel(order.status) },
    { label: 'PO number', value: order.poNumber ?? '—' },
    {
      label: 'Requested delivery',
      value: order.requestedDeliveryDate ? format.date(order.requestedDeliveryDate) : '—',
    },
    { label: 'Delivery', value: order.shipComplete ? 'Ship complete (one delivery)' : 'Ship as available' },
  ];
  if (order.placedBy) facts.push({ label: 'Placed by', value: order.placedBy.name });
  const sections = [
    {
      heading: 'Terms',
      text:
        `Payment terms: ${documentLabel(terms.paymentTerms)}. Promised delivery dates are our current ` +
        'commitment for each line; if one moves, we tell you before it does.',
    },
  ];
  if (order.notes) sections.unshift({ heading: 'Notes', text: order.notes });
  return {
    title: 'Order confirmation',
    number: order.number,
    filename: documentFilename(order.number),
    facts,
    parties: [
      { heading: 'Customer', lines: [order.accountName, `Account ${order.accountCode}`] },
      { heading: 'Deliver to', lines: addressLines(order.shippingAddress) },
    ],
    columns: [
      { heading: '#', align: 'right', width: 0.5 },
      { heading: 'SKU', align: 'left', width: 2.2 },
      { heading: 'Description', align: 'left', width: 2.8 },
      { heading: 'Qty', align: 'right', width: 0.7 },
      { heading: 'Unit price', align: 'right', width: 1.4 },
      { heading: 'Promised delivery', align: 'right', width: 1.6 },
      { heading: 'Line total', align: 'right', width: 1.5 },
    ],
    rows: order.lines.map((line, index) => [
      String(index + 1),
      line.sku,
      line.name,
      String(line.quantity),
      format.money(line.unitPrice),
      format.date(line.currentPromisedDate),
      format.money(line.lineTotal),
    ]),
    totals: [{ label: 'Subtotal (excl. tax)', value: format.money(order.subtotal), grand: true }],
    sections,
  };
}
