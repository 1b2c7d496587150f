import { documentFormat } from './document-model';
import { creditNoteDocument } from './credit-note-document';
import { returnDocument } from './return-document';

const usd = documentFormat('USD', 'America/Chicago');

/** Shaped exactly as the contracts' CreditNote (libs/contracts returns.ts). */
const creditNote = {
  id: 'cn1',
  number: 'CN-000001',
  accountId: 'a1',
  accountCode: 'ACME',
  accountName: 'Acme Building Supply',
  returnId: 'r1',
  returnNumber: 'RMA-000001',
  orderId: 'o1',
  orderNumber: 'SO-000123',
  issuedAt: '2026-12-07T02:30:00Z',
  currency: 'USD',
  subtotal: '1035.00',
  fee: '100.00',
  total: '935.00',
  lines: [
    {
      returnLineId: 'rl1',
      orderLineId: 'ol1',
      productId: 'p1',
      sku: 'BEAM-6',
      name: 'Steel beam',
      quantity: 2,
      unitPrice: '500.00',
      gross: '1000.00',
      feePercent: '10',
      fee: '100.00',
      total: '900.00',
    },
    {
      returnLineId: 'rl2',
      orderLineId: 'ol2',
      productId: 'p2',
      sku: 'BOLT-10',
      name: 'Hex bolt M10',
      quantity: 100,
      unitPrice: '0.35',
      gross: '35.00',
      feePercent: '0',
      fee: '0.00',
      total: '35.00',
    },
  ],
};

/** Shaped exactly as the contracts' ProductReturn. */
const productReturn = {
  id: 'r1',
  number: 'RMA-000001',
  orderId: 'o1',
  orderNumber: 'SO-000123',
  accountId: 'a1',
  accountCode: 'ACME',
  accountName: 'Acme Building Supply',
  status: 'approved',
  units: 3,
  estimatedCredit: '935.00',
  creditedTotal: '0.00',
  currency: 'USD',
  createdAt: '2026-12-07T02:30:00Z',
  updatedAt: '2026-12-07T03:00:00Z',
  openedBy: 'customer' as const,
  requestedBy: { id: 'u1', name: 'Bea Buyer' },
  feeWaived: false,
  feeWaivedReason: null,
  rejectionReason: null,
  lines: [
    {
      id: 'rl1',
      orderLineId: 'ol1',
      lineNo: 1,
      productId: 'p1',
      sku: 'BEAM-6',
      name: 'Steel beam',
      quantity: 2,
      reason: 'damaged',
      note: 'Bent in transit',
      resolution: 'credit',
      unitPrice: '500.00',
      feePercent: '10',
      received: 0,
      restocked: 0,
      scrapped: 0,
      credited: 0,
      replacementOrder: null,
    },
    {
      id: 'rl2',
      orderLineId: 'ol2',
      lineNo: 2,
      productId: 'p2',
      sku: 'BOLT-10',
      name: 'Hex bolt M10',
      quantity: 1,
      reason: 'wrong_item',
      note: null,
      resolution: 'replace',
      unitPrice: '0.35',
      feePercent: '0',
      received: 0,
      restocked: 0,
      scrapped: 0,
      credited: 0,
      replacementOrder: null,
    },
  ],
  photos: [],
  events: [],
  creditNotes: [],
};

const company = { name: 'Tradecounter Supply', address: ['9 Depot Lane', 'Springfield IL 62702', 'US'] };

describe('creditNoteDocument', () => {
  const doc = creditNoteDocument(creditNote, usd);

  it('is numbered and names the return and order it credits', () => {
    expect(doc.title).toBe('Credit note');
    expect(doc.filename).toBe('CN-000001.pdf');
    expect(doc.facts).toEqual([
      { label: 'Issued on', value: '6 Dec 2026' },
      { label: 'Return', value: 'RMA-000001' },
      { label: 'Order', value: 'SO-000123' },
    ]);
  });

  it('shows each line at the price paid, its fee where one applies, and the note’s own totals', () => {
    expect(doc.rows).toEqual([
      ['BEAM-6', 'Steel beam', '2', '$500.00', '$1,000.00', '$100.00 (10%)', '$900.00'],
      ['BOLT-10', 'Hex bolt M10', '100', '$0.35', '$35.00', '—', '$35.00'],
    ]);
    expect(doc.totals).toEqual([
      { label: 'Returned goods', value: '$1,035.00', grand: false },
      { label: 'Restocking fee', value: '-$100.00', grand: false },
      { label: 'Total credit', value: '$935.00', grand: true },
    ]);
  });

  it('shows no fee line when no fee applies', () => {
    const free = {
      ...creditNote,
      fee: '0.00',
      total: '1035.00',
      lines: creditNote.lines.map((line) => ({ ...line, feePercent: '0' })),
    };
    expect(creditNoteDocument(free, usd).totals.map((total) => total.label)).toEqual([
      'Returned goods',
      'Total credit',
    ]);
  });
});

describe('returnDocument', () => {
  const doc = returnDocument(productReturn, company, usd);

  it('is the RMA to put in the parcel, sent to the company address', () => {
    expect(doc.title).toBe('Return authorisation');
    expect(doc.number).toBe('RMA-000001');
    expect(doc.parties[1]).toEqual({
      heading: 'Send to',
      lines: ['Tradecounter Supply', ...company.address],
    });
    const how = doc.sections[0];
    expect(how?.heading).toBe('How to send it back');
    expect(how?.text).toContain('Print this page and put it in the parcel');
    expect(how?.text).toContain('Write RMA-000001');
    expect(how?.text).toContain('9 Depot Lane');
  });

  it('lists lines with quantities, reasons (with the note) and resolutions', () => {
    expect(doc.rows).toEqual([
      ['BEAM-6', 'Steel beam', '2', 'Damaged: Bent in transit', 'Credit'],
      ['BOLT-10', 'Hex bolt M10', '1', 'Wrong item', 'Replacement'],
    ]);
    expect(doc.totals[0]?.value).toBe('3');
  });

  it('says not to send anything before approval, or after a rejection', () => {
    expect(
      returnDocument({ ...productReturn, status: 'requested' }, company, usd).sections[0]?.text,
    ).toContain('do not send anything until it is approved');
    const rejected = returnDocument(
      { ...productReturn, status: 'rejected', rejectionReason: 'Outside the window' },
      company,
      usd,
    );
    expect(rejected.sections[0]?.text).toContain('not accepted: Outside the window');
  });
});
