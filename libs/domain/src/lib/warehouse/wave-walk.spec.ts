import fc from 'fast-check';
import { compareBins } from './bins';
import { waveWalk, type WaveUnit } from './wave-walk';

const unit = (over: Partial<WaveUnit>): WaveUnit => ({
  orderId: 'o1',
  orderNumber: 'SO-1',
  orderLineId: 'l1',
  lineNo: 1,
  productId: 'p1',
  sku: 'SKU-1',
  name: 'One',
  bin: 'A-1',
  quantity: 1,
  ...over,
});

describe('waveWalk', () => {
  it('groups units by product and bin, in natural bin order, no bin last', () => {
    const walk = waveWalk([
      unit({ productId: 'p3', sku: 'S3', bin: null, orderLineId: 'x', quantity: 2 }),
      unit({
        productId: 'p1',
        sku: 'S1',
        bin: 'A-10',
        orderId: 'o2',
        orderNumber: 'SO-2',
        orderLineId: 'b',
        quantity: 3,
      }),
      unit({ productId: 'p2', sku: 'S2', bin: 'A-2', orderLineId: 'c', quantity: 1 }),
      unit({
        productId: 'p1',
        sku: 'S1',
        bin: 'A-10',
        orderId: 'o1',
        orderNumber: 'SO-1',
        orderLineId: 'a',
        quantity: 4,
      }),
      unit({ productId: 'p4', sku: 'S4', bin: 'A-3', orderLineId: 'z', quantity: 0 }),
    ]);
    expect(walk.map((stop) => [stop.sku, stop.bin, stop.quantity])).toEqual([
      ['S2', 'A-2', 1],
      ['S1', 'A-10', 7],
      ['S3', null, 2],
    ]);
    expect(walk[1]?.allocations.map((a) => [a.orderNumber, a.quantity])).toEqual([
      ['SO-1', 4],
      ['SO-2', 3],
    ]);
  });

  it('keeps every unit and walks bins in order', () => {
    const units = fc.array(
      fc.record({
        productId: fc.constantFrom('p1', 'p2', 'p3'),
        bin: fc.option(fc.constantFrom('A-1', 'A-2', 'A-10', 'B-1'), { nil: null }),
        quantity: fc.integer({ min: 0, max: 20 }),
        orderLineId: fc.uuid(),
      }),
    );
    fc.assert(
      fc.property(units, (raw) => {
        const walk = waveWalk(raw.map((r) => unit({ ...r, sku: r.productId })));
        const total = raw.reduce((sum, r) => sum + r.quantity, 0);
        expect(walk.reduce((sum, stop) => sum + stop.quantity, 0)).toBe(total);
        for (const stop of walk) {
          expect(stop.allocations.reduce((sum, a) => sum + a.quantity, 0)).toBe(stop.quantity);
        }
        for (let i = 1; i < walk.length; i++) {
          expect(compareBins(walk[i - 1]?.bin ?? null, walk[i]?.bin ?? null)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });
});
