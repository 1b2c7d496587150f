import { documentFormat } from './document-model';
import { purchaseOrderDocument, type PurchaseOrderDocumentInput } from './purchase-order-document';

const usd = documentFormat('USD', 'America/Chicago');

const order: PurchaseOrderDocumentInput = {
  number: 'PO-000012',
  status: 'sent',
  supplierCode: 'FAST',
  supplierName: 'Fastener Wholesale',
  supplierEmail: 'orders@fastener.example',
  notes: 'Pallets no higher than 1.2 m',
  // 02:30 UTC on the 7th is still the 6th in Chicago
  createdAt: '2026-12-07T02:30:00Z',
  sentAt: '2026-12-07T15:00:00Z',
  total: '1286.40',
  lines: [
    {
      sku: 'BOLT-10',
      name: 'Hex bolt M10',
      supplierSku: 'FW-M10',
      warehouseCode: 'CHI',
      quantity: 1200,
      unitCost: '0.21',
      lineTotal: '252.00',
      expectedDate: '2026-12-14',
    },
    {
      sku: 'BEAM-6',
      name: 'Steel beam 6 m',
      supplierSku: null,
      warehouseCode: 'DAL',
      quantity: 6,
      unitCost: '172.40',
      lineTotal: '1034.40',
      expectedDate: '2026-12-21',
    },
  ],
};

describe('the purchase order document', () => {
  const doc = purchaseOrderDocument(order, usd);

  it('is titled and named by the purchase order number, for the supplier', () => {
    expect(doc).toMatchObject({ title: 'Purchase order', number: 'PO-000012', filename: 'PO-000012.pdf' });
    expect(doc.parties).toEqual([
      { heading: 'Supplier', lines: ['Fastener Wholesale', 'Supplier FAST', 'orders@fastener.example'] },
    ]);
    expect(doc.facts).toEqual([
      { label: 'Status', value: 'Sent' },
      { label: 'Raised on', value: '6 Dec 2026' },
      { label: 'Sent on', value: '7 Dec 2026' },
    ]);
  });

  it("lists each line with the supplier's SKU, where it goes, cost and expected date", () => {
    expect(doc.rows).toEqual([
      ['1', 'FW-M10', 'BOLT-10\nHex bolt M10', 'CHI', '1200', '$0.21', '14 Dec 2026', '$252.00'],
      ['2', '—', 'BEAM-6\nSteel beam 6 m', 'DAL', '6', '$172.40', '21 Dec 2026', '$1,034.40'],
    ]);
    expect(doc.totals).toEqual([{ label: 'Total (excl. tax)', value: '$1,286.40', grand: true }]);
    expect(doc.sections.map((s) => s.heading)).toEqual(['Notes', 'Delivery']);
    expect(doc.sections[1]?.text).toContain('CHI, DAL');
  });
});
