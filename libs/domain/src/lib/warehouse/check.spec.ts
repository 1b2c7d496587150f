import fc from 'fast-check';
import { applyScan, checkComplete, type CheckableLine } from './check';

const first: CheckableLine = { orderLineId: 'l1', productId: 'p1', sku: 'S1', expected: 12, confirmed: 0 };
const second: CheckableLine = { orderLineId: 'l2', productId: 'p2', sku: 'S2', expected: 1, confirmed: 0 };
const lines: CheckableLine[] = [first, second];

describe('check step', () => {
  it('counts a SKU scan as units and a case barcode as its qty', () => {
    expect(applyScan(lines, 'S1', { productId: 'p1', sku: 'S1', unitsPerScan: 1 }, 2)).toEqual({
      ok: true,
      orderLineId: 'l1',
      units: 2,
    });
    expect(applyScan(lines, 'CASE', { productId: 'p1', sku: 'S1', unitsPerScan: 6 }, 2)).toEqual({
      ok: true,
      orderLineId: 'l1',
      units: 12,
    });
  });

  it('refuses unknown codes, products not on the order, and more than expected', () => {
    expect(applyScan(lines, 'NOPE', null, 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining('NOPE'),
    });
    expect(applyScan(lines, 'S9', { productId: 'p9', sku: 'S9', unitsPerScan: 1 }, 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not on this order'),
    });
    expect(applyScan(lines, 'S2', { productId: 'p2', sku: 'S2', unitsPerScan: 1 }, 2)).toMatchObject({
      ok: false,
      message: expect.stringContaining('1 left'),
    });
  });

  it('never confirms more than expected, however the scans come', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ units: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 5 }) })),
        (scans) => {
          const state = lines.map((line) => ({ ...line }));
          for (const scan of scans) {
            const result = applyScan(
              state,
              'x',
              { productId: 'p1', sku: 'S1', unitsPerScan: scan.units },
              scan.n,
            );
            if (result.ok) {
              const line = state.find((l) => l.orderLineId === result.orderLineId);
              if (line) line.confirmed += result.units;
            }
          }
          for (const line of state) expect(line.confirmed).toBeLessThanOrEqual(line.expected);
        },
      ),
    );
  });

  it('is complete when every line with units is confirmed', () => {
    expect(checkComplete(lines)).toBe(false);
    expect(
      checkComplete([
        { ...first, confirmed: 12 },
        { ...second, confirmed: 1 },
      ]),
    ).toBe(true);
    expect(
      checkComplete([
        { ...first, confirmed: 12 },
        { ...second, expected: 0 },
      ]),
    ).toBe(true);
    expect(checkComplete([])).toBe(false);
  });
});
