import fc from 'fast-check';
import { documentFormat } from './document-model';
import { packingSlipDocument, packingSlipLines, type PackingSlipOrderInput } from './packing-slip';

const usd = documentFormat('USD', 'America/Chicago');

const order: PackingSlipOrderInput = {
  number: 'SO-000123',
  accountCode: 'ACME',
  accountName: 'Acme Building Supply',
  poNumber: 'PO-77',
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
    { id: 'l1', sku: 'BOLT-10', name: 'Hex bolt M10', quantity: 100, currentPromisedDate: '2026-12-10' },
    { id: 'l2', sku: 'BEAM-6', name: 'Steel beam', quantity: 4, currentPromisedDate: '2026-12-20' },
    { id: 'l3', sku: 'NUT-10', name: 'Hex nut M10', quantity: 50, currentPromisedDate: '2026-12-09' },
  ],
  shipments: [
    {
      id: 's1',
      carrier: 'UPS',
      trackingNumber: '1Z999',
      shippedAt: '2026-12-07T02:30:00Z',
      lines: [
        { orderLineId: 'l1', quantity: 60 },
        { orderLineId: 'l3', quantity: 50 },
      ],
    },
    {
      id: 's2',
      carrier: 'FedEx',
      trackingNumber: '7788',
      shippedAt: '2026-12-08T15:00:00Z',
      lines: [
        { orderLineId: 'l1', quantity: 40 },
        { orderLineId: 'l2', quantity: 1 },
      ],
    },
  ],
};

describe('packingSlipLines', () => {
  it('counts this shipment and what is still to follow as of it', () => {
    expect(packingSlipLines(order, 's1')).toEqual([
      {
        sku: 'BOLT-10',
        name: 'Hex bolt M10',
        ordered: 100,
        inThisShipment: 60,
        shippedSoFar: 60,
        toFollow: 40,
        promisedDate: '2026-12-10',
      },
      {
        sku: 'BEAM-6',
        name: 'Steel beam',
        ordered: 4,
        inThisShipment: 0,
        shippedSoFar: 0,
        toFollow: 4,
        promisedDate: '2026-12-20',
      },
      {
        sku: 'NUT-10',
        name: 'Hex nut M10',
        ordered: 50,
        inThisShipment: 50,
        shippedSoFar: 50,
        toFollow: 0,
        promisedDate: '2026-12-09',
      },
    ]);
  });

  it('leaves out lines finished by an earlier shipment, and a later shipment does not change an earlier slip', () => {
    const second = packingSlipLines(order, 's2');
    expect(second.map((line) => [line.sku, line.inThisShipment, line.toFollow])).toEqual([
      ['BOLT-10', 40, 0],
      ['BEAM-6', 1, 3],
    ]);
    expect(packingSlipLines(order, 's1')[0]?.toFollow).toBe(40);
  });

  it('refuses a shipment of another order', () => {
    expect(() => packingSlipLines(order, 'nope')).toThrow(/not one of order SO-000123/);
  });

  it('shipped so far plus to follow is what was ordered, for any split into shipments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(fc.nat({ max: 15 }), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (quantities, splits) => {
          const lines = quantities.map((quantity, i) => ({
            id: `l${i}`,
            sku: `S${i}`,
            name: `P${i}`,
            quantity,
            currentPromisedDate: '2026-12-10',
          }));
          const left = [...quantities];
          const shipments = splits.map((split, s) => ({
            id: `s${s}`,
            carrier: 'UPS',
            trackingNumber: `T${s}`,
            shippedAt: `2026-12-0${s + 1}T10:00:00Z`,
            lines: lines.flatMap((line, i) => {
              const quantity = Math.min(split[i] ?? 0, left[i] ?? 0);
              left[i] = (left[i] ?? 0) - quantity;
              return quantity > 0 ? [{ orderLineId: line.id, quantity }] : [];
            }),
          }));
          const input = { ...order, lines, shipments };
          for (const shipment of shipments) {
            for (const line of packingSlipLines(input, shipment.id)) {
              expect(line.shippedSoFar + line.toFollow).toBe(line.ordered);
              expect(line.inThisShipment).toBeLessThanOrEqual(line.shippedSoFar);
            }
          }
        },
      ),
    );
  });
});

describe('packingSlipDocument', () => {
  const slip = packingSlipDocument(order, 's1', { returnWindowDays: 30 }, usd);

  it('says which order, PO, shipment, carrier and tracking, and where it goes', () => {
    expect(slip.title).toBe('Packing slip');
    expect(slip.number).toBe('SO-000123');
    expect(slip.filename).toBe('SO-000123-shipment-1.pdf');
    expect(slip.facts).toEqual([
      { label: 'Order', value: 'SO-000123' },
      { label: 'PO number', value: 'PO-77' },
      { label: 'Shipped on', value: '6 Dec 2026' },
      { label: 'Shipment', value: '1 of 2' },
      { label: 'Carrier', value: 'UPS' },
      { label: 'Tracking', value: '1Z999' },
    ]);
    expect(slip.parties[1]).toEqual({
      heading: 'Ship to',
      lines: ['Main yard', '1 Yard Road', 'Springfield IL 62701', 'US'],
    });
  });

  it('lists each line with this shipment, what follows and its promised date', () => {
    expect(slip.rows).toEqual([
      ['BOLT-10', 'Hex bolt M10', '100', '60', '40', '10 Dec 2026'],
      ['BEAM-6', 'Steel beam', '4', '0', '4', '20 Dec 2026'],
      ['NUT-10', 'Hex nut M10', '50', '50', '0', '—'],
    ]);
    expect(slip.totals.map((total) => total.value)).toEqual(['110', '44']);
    expect(slip.rows.every((row) => row.length === slip.columns.length)).toBe(true);
  });

  it('tells how to return within the window, from the order in the portal', () => {
    const howTo = slip.sections.find((section) => section.heading === 'How to return');
    expect(howTo?.text).toContain('within 30 days of delivery');
    expect(howTo?.text).toContain('order SO-000123 in the portal');
    expect(packingSlipDocument(order, 's2', { returnWindowDays: 14 }, usd).sections[1]?.text).toContain(
      '14 days',
    );
    const none = packingSlipDocument(order, 's2', { returnWindowDays: 0 }, usd).sections[1]?.text;
    expect(none).toContain('returnable only where a product says so');
    expect(none).not.toContain('0 days');
  });

  it('says the order is complete when nothing is left to follow', () => {
    const complete = { ...order, lines: order.lines.slice(0, 1), shipments: order.shipments };
    const last = packingSlipDocument(complete, 's2', { returnWindowDays: 30 }, usd);
    expect(last.sections[0]?.text).toContain('your order is complete');
  });
});
