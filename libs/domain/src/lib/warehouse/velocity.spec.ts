import fc from 'fast-check';
import { accessibleAisles, classifyVelocity } from './velocity';

describe('classifyVelocity', () => {
  it('classes by the share of picks before each product: under 80 % A, under 95 % B, else C', () => {
    const classed = classifyVelocity([
      { productId: 'c', sku: 'C', picks: 10 },
      { productId: 'a', sku: 'A', picks: 70 },
      { productId: 'b', sku: 'B', picks: 15 },
      { productId: 'd', sku: 'D', picks: 5 },
    ]);
    expect(classed.map((row) => [row.item.sku, row.velocityClass, row.cumulativeShare])).toEqual([
      ['A', 'A', 0.7],
      ['B', 'A', 0.85],
      ['C', 'B', 0.95],
      ['D', 'C', 1],
    ]);
  });

  it('breaks ties by SKU', () => {
    const classed = classifyVelocity([
      { productId: '2', sku: 'Z', picks: 5 },
      { productId: '1', sku: 'M', picks: 5 },
    ]);
    expect(classed.map((row) => row.item.sku)).toEqual(['M', 'Z']);
  });

  it('is monotone: more picks never gets a lower class', () => {
    const products = fc.uniqueArray(
      fc.record({
        productId: fc.uuid(),
        sku: fc.string({ minLength: 1, maxLength: 6 }),
        picks: fc.integer({ min: 1, max: 1000 }),
      }),
      { selector: (p) => p.sku, maxLength: 40 },
    );
    fc.assert(
      fc.property(products, (list) => {
        const classed = classifyVelocity(list);
        expect(classed).toHaveLength(list.length);
        for (const x of classed) {
          for (const y of classed) {
            if (x.item.picks > y.item.picks) expect(x.velocityClass <= y.velocityClass).toBe(true);
          }
        }
        if (classed.length > 0) expect(classed[0]?.velocityClass).toBe('A');
      }),
    );
  });
});

describe('accessibleAisles', () => {
  it('takes the lowest aisles in natural order until their bins hold every A product', () => {
    const bins = new Map([
      ['B', 2],
      ['A10', 5],
      ['A2', 1],
      ['C', 9],
    ]);
    expect(accessibleAisles(bins, 3)).toEqual(['A2', 'A10']);
    expect(accessibleAisles(bins, 1)).toEqual(['A2']);
    expect(accessibleAisles(bins, 0)).toEqual([]);
    expect(accessibleAisles(bins, 100)).toEqual(['A2', 'A10', 'B', 'C']);
  });
});
