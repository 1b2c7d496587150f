import fc from 'fast-check';
import { addressLines, documentFilename, documentFormat } from './document-model';
import { orderConfirmationDocument, type OrderDocumentInput } from './order-confirmation';
import { quoteDocument, type QuoteDocumentInput } from './quote-document';

const usd = documentFormat('USD', 'America/Chicago');

const order: OrderDocumentInput = {
  number: 'SO-000123',
  status: 'partially_shipped',
  accountCode: 'ACME',
  accountName: 'Acme Building Supply',
  poNumber: 'PO-77',
  // 02:30 UTC on the 7th is still the 6th in Chicago (UTC-6)
  placedAt: '2026-12-07T02:30:00Z',
  placedBy: { name: 'Bea Buyer' },
  requestedDeliveryDate: null,
  shipComplete: false,
  notes: 'Side door, ring twice',
  subtotal: '1234567.04',
  shippingAddress: {
    label: 'Main yard',
    line1: '1 Yard Road',
    line2: null,
    city: 'Springfield',
    region: 'IL',
    postcode: '62701',
    country: 'US',
  },
  lines: [
    {
      sku: 'BOLT-10',
      name: 'Hex bolt M10',
      quantity: 1000,
      unitPrice: '0.35',
      lineTotal: '350.00',
      currentPromisedDate: '2026-12-10',
    },
    {
      sku: 'BEAM-6',
      name: 'Steel beam 6 m',
      quantity: 3,
      unitPrice: '411405.68',
      lineTotal: '1234217.04',
      currentPromisedDate: '2027-01-04',
    },
  ],
};

describe('the order confirmation', () => {
  const doc = orderConfirmationDocument(order, { paymentTerms: 'net_30' }, usd);

  it('is titled and named by the order number', () => {
    expect(doc.title).toBe('Order confirmation');
    expect(doc.number).toBe('SO-000123');
    expect(doc.filename).toBe('SO-000123.pdf');
  });

  it('states the order date in the deployment time zone, the status, PO and delivery choice', () => {
    expect(doc.facts).toEqual([
      { label: 'Order date', value: '6 Dec 2026' },
      { label: 'Status', value: 'Partially shipped' },
      { label: 'PO number', value: 'PO-77' },
      { label: 'Requested delivery', value: '—' },
      { label: 'Delivery', value: 'Ship as available' },
      { label: 'Placed by', value: 'Bea Buyer' },
    ]);
  });

  it('names the customer and the delivery address, leaving out empty parts', () => {
    expect(doc.parties).toEqual([
      { heading: 'Customer', lines: ['Acme Building Supply', 'Account ACME'] },
      { heading: 'Deliver to', lines: ['Main yard', '1 Yard Road', 'Springfield IL 62701', 'US'] },
    ]);
  });

  it('lists each line with exact money in the display style and its promised date', () => {
    expect(doc.rows).toEqual([
      ['1', 'BOLT-10', 'Hex bolt M10', '1000', '$0.35', '10 Dec 2026', '$350.00'],
      // 3 × 411,405.68 = 1,234,217.04
      ['2', 'BEAM-6', 'Steel beam 6 m', '3', '$411,405.68', '4 Jan 2027', '$1,234,217.04'],
    ]);
    // 350.00 + 1,234,217.04 = 1,234,567.04: the order's subtotal, shown as it is
    expect(doc.totals).toEqual([{ label: 'Subtotal (excl. tax)', value: '$1,234,567.04', grand: true }]);
  });

  it('closes with the notes and the payment terms', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['Notes', 'Terms']);
    expect(doc.sections[1]?.text).toContain('Payment terms: Net 30.');
  });

  it('has a cell for every column on every row, whatever the lines', () => {
    const line = fc.record({
      sku: fc.string({ minLength: 1, maxLength: 20 }),
      name: fc.string({ maxLength: 80 }),
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
      lineTotal: fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
      currentPromisedDate: fc.constant('2026-12-10'),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const built = orderConfirmationDocument({ ...order, lines }, { paymentTerms: 'prepaid' }, usd);
        expect(built.rows).toHaveLength(lines.length);
        for (const row of built.rows) expect(row).toHaveLength(built.columns.length);
      }),
    );
  });
});

const quote: QuoteDocumentInput = {
  number: 'Q-000001',
  status: 'quoted',
  accountName: 'Acme Building Supply',
  revision: 2,
  shownRevision: 2,
  createdAt: '2026-12-01T15:00:00Z',
  requestedDate: '2027-01-15',
  validUntil: '2026-12-31',
  subtotal: '5308.90',
  message: 'Price for the spring job',
  lines: [
    {
      sku: 'BOLT-10',
      name: 'Hex bolt M10',
      quantity: 10,
      unitPrice: '0.89',
      lineTotal: '8.90',
      promise: { splits: [{ qty: 10, deliveryDate: '2026-12-10' }] },
    },
    {
      sku: 'BEAM-6',
      name: 'Steel beam 6 m',
      quantity: 10,
      unitPrice: '530.00',
      lineTotal: '5300.00',
      promise: {
        splits: [
          { qty: 4, deliveryDate: '2026-12-10' },
          { qty: 6, deliveryDate: '2027-01-08' },
        ],
      },
    },
  ],
};

describe('the quote document', () => {
  it('shows the revision, who quoted it, its validity and each line at the quoted price', () => {
    const context = {
      quotedAt: '2026-12-02T10:00:00Z',
      quotedBy: 'Alex Manager',
      accountCode: 'ACME',
      paymentTerms: 'net_30',
    };
    const doc = quoteDocument(quote, context, usd);
    expect(doc.title).toBe('Quotation');
    expect(doc.filename).toBe('Q-000001.pdf');
    expect(doc.facts).toEqual([
      { label: 'Revision', value: '2' },
      { label: 'Status', value: 'Quoted' },
      { label: 'Requested on', value: '1 Dec 2026' },
      { label: 'Quoted on', value: '2 Dec 2026' },
      { label: 'Quoted by', value: 'Alex Manager' },
      { label: 'Valid until', value: '31 Dec 2026' },
      { label: 'Delivery wanted by', value: '15 Jan 2027' },
    ]);
    expect(doc.rows).toEqual([
      ['1', 'BOLT-10', 'Hex bolt M10', '10', '$0.89', '10 Dec 2026', '$8.90'],
      ['2', 'BEAM-6', 'Steel beam 6 m', '10', '$530.00', '4 by 10 Dec 2026\n6 by 8 Jan 2027', '$5,300.00'],
    ]);
    // 8.90 + 5,300.00 = 5,308.90
    expect(doc.totals).toEqual([{ label: 'Subtotal (excl. tax)', value: '$5,308.90', grand: true }]);
    expect(doc.sections.map((s) => s.heading)).toEqual(['Request', 'Terms']);
    expect(doc.parties).toEqual([
      { heading: 'Prepared for', lines: ['Acme Building Supply', 'Account ACME'] },
    ]);
    expect(doc.sections[1]?.text).toContain('until the end of 31 Dec 2026');
    expect(doc.sections[1]?.text).toContain('payment terms Net 30.');
  });

  it('reads as a quote request while the revision is not priced', () => {
    const requested = {
      ...quote,
      status: 'requested',
      validUntil: null,
      subtotal: null,
      message: null,
      lines: quote.lines.map((line) => ({ ...line, unitPrice: null, lineTotal: null, promise: null })),
    };
    const doc = quoteDocument(
      requested,
      { quotedAt: null, quotedBy: null, accountCode: 'ACME', paymentTerms: 'prepaid' },
      usd,
    );
    expect(doc.title).toBe('Quote request');
    expect(doc.rows[0]).toEqual(['1', 'BOLT-10', 'Hex bolt M10', '10', 'To be quoted', '—', 'To be quoted']);
    expect(doc.totals[0]?.value).toBe('To be quoted');
    expect(doc.facts.map((f) => f.label)).toEqual([
      'Revision',
      'Status',
      'Requested on',
      'Delivery wanted by',
    ]);
  });

  it('marks an earlier revision as superseded', () => {
    const doc = quoteDocument(
      { ...quote, revision: 3 },
      { quotedAt: null, quotedBy: null, accountCode: 'A', paymentTerms: 'net_15' },
      usd,
    );
    expect(doc.facts[0]).toEqual({ label: 'Revision', value: '2 (superseded by 3)' });
  });
});

describe('document helpers', () => {
  it('names the file after the number, safely', () => {
    expect(documentFilename('Q-000001')).toBe('Q-000001.pdf');
    expect(documentFilename('A/B "c"')).toBe('A_B__c_.pdf');
    expect(documentFilename('  ')).toBe('document.pdf');
  });

  it('formats money in the document currency and instants by the deployment day', () => {
    const eur = documentFormat('EUR', 'Europe/Berlin');
    expect(eur.money('1234.5')).toBe('€1,234.50');
    expect(eur.day('2026-12-06T23:30:00Z')).toBe('7 Dec 2026');
    expect(eur.date('2026-12-06')).toBe('6 Dec 2026');
  });

  it('writes an address as lines without empty parts', () => {
    expect(
      addressLines({
        line1: '1 Road',
        line2: '',
        city: 'Town',
        region: null,
        postcode: '12345',
        country: 'DE',
      }),
    ).toEqual(['1 Road', 'Town 12345', 'DE']);
  });
});
