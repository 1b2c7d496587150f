import type { PriceChangedProblem, Problem } from '@tradecounter/contracts';
import { isPriceChangedProblem, priceChanges } from './price-changes';

const problem: PriceChangedProblem = {
  type: 'about:blank',
  title: 'Prices have changed',
  status: 409,
  expectedSubtotal: '40.00',
  // 10 × 2.50 + 5 × 3.60 = 25.00 + 18.00
  subtotal: '43.00',
  lines: [
    { productId: 'p1', sku: 'GLV-1', quantity: 10, unitPrice: '2.50', lineTotal: '25.00' },
    { productId: 'p2', sku: 'TAPE-2', quantity: 5, unitPrice: '3.60', lineTotal: '18.00' },
  ],
};

describe('price changes', () => {
  it('marks only the lines whose unit price differs from the one seen', () => {
    const changes = priceChanges(
      [
        { productId: 'p1', unitPrice: '2.5' },
        { productId: 'p2', unitPrice: '3.00' },
      ],
      problem,
    );
    expect(changes.map((c) => [c.sku, c.seenUnitPrice, c.unitPrice, c.changed])).toEqual([
      ['GLV-1', '2.5', '2.50', false],
      ['TAPE-2', '3.00', '3.60', true],
    ]);
  });

  it('counts a line that was never priced as changed', () => {
    const [, tape] = priceChanges([{ productId: 'p1', unitPrice: '2.50' }], problem);
    expect(tape).toMatchObject({ seenUnitPrice: null, changed: true });
  });

  it('tells the price-changed 409 from other 409s', () => {
    const stock: Problem = { type: 'about:blank', title: 'Not enough stock', status: 409 };
    const busy: Problem = { type: 'about:blank', title: 'Being placed', status: 409 };
    expect(isPriceChangedProblem(problem)).toBe(true);
    expect(isPriceChangedProblem(stock)).toBe(false);
    expect(isPriceChangedProblem(busy)).toBe(false);
    expect(isPriceChangedProblem({ ...problem, status: 400 })).toBe(false);
  });
});
