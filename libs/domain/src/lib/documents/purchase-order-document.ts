import { documentFilename, documentLabel, type DocumentFormat, type DocumentModel } from './document-model';

/** The facts of a purchase order its PDF shows (the API's PurchaseOrder has them all). */
export interface PurchaseOrderDocumentInput {
  number: string;
  status: string;
  supplierCode: string;
  supplierName: string;
  supplierEmail: string;
  notes: string | null;
  createdAt: string;
  sentAt: string | null;
  total: string;
  lines: {
    sku: string;
    name: string;
    supplierSku: string | null;
    warehouseCode: string;
    quantity: number;
    unitCost: string;
    lineTotal: string;
    expectedDate: string;
  }[];
}

/**
 * The purchase order as the supplier receives it: what to deliver where,
 * by when, at what cost. The supplier's own SKU leads where we know it.
 */
export function purchaseOrderDocument(
  order: PurchaseOrderDocumentInput,
  format: DocumentFormat,
): DocumentModel {
  const facts = [
    { label: 'Status', value: documentLabel(order.status) },
    { label: 'Raised on', value: format.day(order.createdAt) },
  ];
  if (order.sentAt) facts.push({ label: 'Sent on', value: format.day(order.sentAt) });
  const warehouses = [...new Set(order.lines.map((line) => line.warehouseCode))];
  const sections = [
    {
      heading: 'Delivery',
      text:
        `Deliver each line to warehouse ${warehouses.join(', ')} as shown, by its expected date. ` +
        `Quote ${order.number} on the delivery note; part deliveries are received as they come.`,
    },
  ];
  if (order.notes) sections.unshift({ heading: 'Notes', text: order.notes });
  return {
    title: 'Purchase order',
    number: order.number,
    filename: documentFilename(order.number),
    facts,
    parties: [
      {
        heading: 'Supplier',
        lines: [order.supplierName, `Supplier ${order.supplierCode}`, order.supplierEmail],
      },
    ],
    columns: [
      { heading: '#', align: 'right', width: 0.5 },
      // Wide enough for a supplier's code of about 16 characters on one line: they key it in as printed.
      { heading: 'Your SKU', align: 'left', width: 2.3 },
      { heading: 'Our SKU / description', align: 'left', width: 2.5 },
      { heading: 'Deliver to', align: 'left', width: 1 },
      { heading: 'Qty', align: 'right', width: 0.7 },
      { heading: 'Unit cost', align: 'right', width: 1.3 },
      { heading: 'Expected', align: 'right', width: 1.4 },
      { heading: 'Line total', align: 'right', width: 1.5 },
    ],
    rows: order.lines.map((line, index) => [
      String(index + 1),
      line.supplierSku ?? '—',
      `${line.sku}\n${line.name}`,
      line.warehouseCode,
      String(line.quantity),
      format.money(line.unitCost),
      format.date(line.expectedDate),
      format.money(line.lineTotal),
    ]),
    totals: [{ label: 'Total (excl. tax)', value: format.money(order.total), grand: true }],
    sections,
  };
}
