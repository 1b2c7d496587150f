import fc from 'fast-check';
import { planRun, RunLineFacts } from './run-lines';

const line = (over: Partial<RunLineFacts>): RunLineFacts => ({
  productId: 'p1',
  sku: 'SKU-1',
  name: 'Widget',
  quantity: 10,
  active: true,
  backorderable: true,
  minOrderQty: 1,
  orderMultiple: 1,
  promisable: null,
  ...over,
});
const active = { status: 'active' };

describe('planRun', () => {
  it('places every line as it stands when nothing changed', () => {
    expect(planRun([line({})], active)).toEqual({
      lines: [{ productId: 'p1', sku: 'SKU-1', quantity: 10 }],
      dropped: [],
      capped: [],
      failure: null,
    });
  });

  it('drops a product no longer sold and places the rest', () => {
    const plan = planRun([line({ active: false }), line({ productId: 'p2', sku: 'SKU-2' })], active);
    expect(plan.lines).toEqual([{ productId: 'p2', sku: 'SKU-2', quantity: 10 }]);
    expect(plan.dropped).toEqual([
      { productId: 'p1', sku: 'SKU-1', name: 'Widget', requested: 10, placed: 0, reason: 'no longer sold' },
    ]);
  });

  it('caps a non-backorderable line to whole packs of what can be promised', () => {
    // 7 promisable in packs of 3 → 6.
    const plan = planRun(
      [line({ backorderable: false, promisable: 7, orderMultiple: 3, quantity: 12 })],
      active,
    );
    expect(plan.lines).toEqual([{ productId: 'p1', sku: 'SKU-1', quantity: 6 }]);
    expect(plan.capped[0]).toMatchObject({
      requested: 12,
      placed: 6,
      reason: 'only 7 available, and it cannot be backordered',
    });
  });

  it('drops a non-backorderable line when what is available is below its minimum', () => {
    const plan = planRun(
      [
        line({ backorderable: false, promisable: 4, minOrderQty: 5 }),
        line({ productId: 'p2', sku: 'SKU-2' }),
      ],
      active,
    );
    expect(plan.dropped[0]).toMatchObject({
      placed: 0,
      reason: 'only 4 available, and it cannot be backordered',
    });
    expect(plan.lines).toEqual([{ productId: 'p2', sku: 'SKU-2', quantity: 10 }]);
  });

  it('backorders what a backorderable product lacks (no cap)', () => {
    expect(planRun([line({ promisable: 0 })], active).lines).toEqual([
      { productId: 'p1', sku: 'SKU-1', quantity: 10 },
    ]);
  });

  it('fails when nothing is left, or when the account is on hold', () => {
    expect(planRun([line({ active: false })], active).failure).toBe(
      'nothing could be placed: every line was dropped',
    );
    const held = planRun([line({})], { status: 'on_hold' });
    expect(held.failure).toBe('the account is on credit hold');
    expect(held.lines).toEqual([]);
  });

  it('never places more than asked, names every line it changes, and keeps whole packs (property)', () => {
    const facts = fc.record({
      quantity: fc.integer({ min: 1, max: 500 }),
      active: fc.boolean(),
      backorderable: fc.boolean(),
      minOrderQty: fc.integer({ min: 1, max: 20 }),
      orderMultiple: fc.integer({ min: 1, max: 12 }),
      promisable: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(facts, { minLength: 1, maxLength: 8 }), (raw) => {
        const lines = raw.map((facts, index) => line({ ...facts, productId: `p${index}`, sku: `S${index}` }));
        const plan = planRun(lines, active);
        const placed = new Map(plan.lines.map((l) => [l.productId, l.quantity]));
        for (const asked of lines) {
          const quantity = placed.get(asked.productId) ?? 0;
          const changed = [...plan.dropped, ...plan.capped].filter((c) => c.productId === asked.productId);
          expect(quantity).toBeLessThanOrEqual(asked.quantity);
          // Exactly the lines placed short are named, once, with what was placed.
          expect(changed.length).toBe(quantity < asked.quantity ? 1 : 0);
          if (changed[0]) expect(changed[0].placed).toBe(quantity);
          if (quantity > 0) {
            expect(quantity % asked.orderMultiple).toBe(0);
            expect(quantity).toBeGreaterThanOrEqual(asked.minOrderQty);
            if (!asked.backorderable) expect(quantity).toBeLessThanOrEqual(asked.promisable ?? Infinity);
          }
        }
        expect(plan.failure === null).toBe(plan.lines.length > 0);
      }),
    );
  });
});
