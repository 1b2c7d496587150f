import fc from 'fast-check';
import { MergeProduct, MergeRow, planCartMerge } from './cart-merge';
import { quantityProblem } from './order-quantity';

const cases: MergeProduct = { id: 'p-cases', sku: 'CASE-6', active: true, minOrderQty: 12, orderMultiple: 6 };
const each: MergeProduct = { id: 'p-each', sku: 'EACH-1', active: true, minOrderQty: 1, orderMultiple: 1 };
const gone: MergeProduct = { id: 'p-gone', sku: 'GONE-1', active: false, minOrderQty: 1, orderMultiple: 1 };

const row = (
  n: number,
  product: MergeProduct | null,
  quantity: unknown,
  sku = product?.sku ?? null,
): MergeRow => ({
  row: n,
  rows: [n],
  sku,
  quantity,
  product,
});

describe('merging rows into a cart', () => {
  it('adds good rows and reports each bad one with its reason', () => {
    const plan = planCartMerge(
      [
        row(1, each, 3),
        row(2, null, 1, 'NOPE-1'),
        row(3, gone, 2),
        row(4, each, 1.5),
        row(5, cases, 15),
        row(6, null, 1, null),
      ],
      new Map(),
    );
    expect(plan.additions).toEqual([{ productId: 'p-each', quantity: 3 }]);
    expect(plan.lineCount).toBe(1);
    expect(plan.rows.map((r) => [r.row, r.status, r.reason, r.suggestedQuantity])).toEqual([
      [1, 'added', null, null],
      [2, 'error', 'no product has the SKU "NOPE-1"', null],
      [3, 'error', 'GONE-1 is no longer sold', null],
      [4, 'error', 'the quantity must be a positive whole number', null],
      [5, 'error', 'the quantity must be a multiple of 6 (sold in packs of 6); 18 would do', 18],
      [6, 'error', 'no product has the SKU ""', null],
    ]);
  });

  it('checks pack rules on the line as it would be, with what the cart holds', () => {
    // 12 held + 6 = 18: a whole number of packs above the minimum.
    expect(planCartMerge([row(1, cases, 6)], new Map([['p-cases', 12]])).rows[0]?.status).toBe('added');
    // 12 held + 3 = 15: not whole packs; adding 6 instead makes 18.
    const refused = planCartMerge([row(1, cases, 3)], new Map([['p-cases', 12]]));
    expect(refused.additions).toEqual([]);
    expect(refused.rows[0]).toMatchObject({
      status: 'error',
      reason:
        'with the 12 already in the cart the line would be 15, which must be a multiple of 6 (sold in packs of 6); 6 would do',
      suggestedQuantity: 6,
    });
    // 6 alone is below the minimum, 6 + 6 over two rows is not.
    expect(planCartMerge([row(1, cases, 6), row(2, cases, 6)], new Map()).additions).toEqual([
      { productId: 'p-cases', quantity: 12 },
    ]);
  });

  it('refuses a line past the largest quantity, suggesting what still fits within it', () => {
    const plan = planCartMerge([row(1, each, 600_000)], new Map([['p-each', 600_000]]));
    expect(plan.rows[0]).toMatchObject({ status: 'error', suggestedQuantity: 400_000 });
    expect(plan.rows[0]?.reason).toContain('must be at most 1000000; 400000 would do');
    const full = planCartMerge([row(1, each, 5)], new Map([['p-each', 1_000_000]]));
    expect(full.rows[0]).toMatchObject({ status: 'error', suggestedQuantity: null });
  });

  it('counts only new products as new lines', () => {
    const plan = planCartMerge([row(1, each, 1), row(2, cases, 12)], new Map([['p-each', 1]]));
    expect(plan.lineCount).toBe(2);
  });

  it('loses nothing: every row has one outcome, additions are exactly the added rows, lines stay orderable', () => {
    const products = [cases, each, gone];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            product: fc.option(fc.constantFrom(...products), { nil: null }),
            quantity: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constant(2.5)),
          }),
          { maxLength: 30 },
        ),
        fc.dictionary(fc.constantFrom('p-cases', 'p-each'), fc.integer({ min: 1, max: 30 })),
        (asked, held) => {
          const rows = asked.map((entry, index) => row(index + 1, entry.product, entry.quantity));
          const existing = new Map(Object.entries(held));
          const plan = planCartMerge(rows, existing);
          expect(plan.rows.map((r) => r.row)).toEqual(rows.map((r) => r.row));
          const added = plan.rows.filter((r) => r.status === 'added');
          const addedSum = added.reduce((sum, r) => sum + (r.quantity ?? 0), 0);
          expect(plan.additions.reduce((sum, a) => sum + a.quantity, 0)).toBe(addedSum);
          for (const addition of plan.additions) {
            const product = products.find((p) => p.id === addition.productId) as MergeProduct;
            const line = (existing.get(addition.productId) ?? 0) + addition.quantity;
            expect(quantityProblem(line, product)).toBeNull();
          }
          for (const refused of plan.rows.filter((r) => r.status === 'error'))
            expect(refused.reason).toBeTruthy();
        },
      ),
    );
  });
});
