import type { VelocityRow } from '@tradecounter/contracts';
import { classSummaries, velocitySeries } from './velocity-chart';

const row = (sku: string, picks: number, velocityClass: 'A' | 'B' | 'C'): VelocityRow => ({
  productId: sku,
  sku,
  name: `Product ${sku}`,
  bin: null,
  picks,
  cumulativeShare: 0,
  velocityClass,
});

describe('the velocity chart', () => {
  const rows = [row('P1', 8, 'A'), row('P2', 1, 'B'), row('P3', 1, 'C')];

  it('colours each product by its class: its picks in its class’s series, gaps elsewhere', () => {
    const { labels, series } = velocitySeries(rows);
    expect(labels).toEqual(['P1 Product P1', 'P2 Product P2', 'P3 Product P3']);
    expect(series).toEqual([
      { name: 'Class A', values: [8, null, null] },
      { name: 'Class B', values: [null, 1, null] },
      { name: 'Class C', values: [null, null, 1] },
    ]);
  });

  it('sums products, picks and the share of picks per class', () => {
    expect(classSummaries(rows)).toEqual([
      { velocityClass: 'A', products: 1, picks: 8, share: 0.8 },
      { velocityClass: 'B', products: 1, picks: 1, share: 0.1 },
      { velocityClass: 'C', products: 1, picks: 1, share: 0.1 },
    ]);
    expect(classSummaries([]).map((s) => s.share)).toEqual([0, 0, 0]);
  });
});
