import fc from 'fast-check';
import { formatMoney, parseMoney } from '../money';
import { PriceLineInput, priceLine, VolumeBreak } from './price-line';

const gold = (breaks: VolumeBreak[] = [], fixedPrice: bigint | null = null) => ({
  discountPercent: '10',
  fixedPrice,
  breaks,
});
const tierWide = (minQty: number, discountPercent: string): VolumeBreak => ({
  productId: null,
  minQty,
  discountPercent,
});
const line = (overrides: Partial<PriceLineInput>): PriceLineInput => ({
  productId: 'p1',
  listPrice: parseMoney('12.00'),
  quantity: 1,
  date: '2027-03-01',
  tier: null,
  contractPrices: [],
  ...overrides,
});

describe('priceLine', () => {
  it("prices domain.md's Gold example exactly", () => {
    // Gold: 10 % off list, tier-wide breaks 10 → 5 %, 50 → 8 %. List 12.00, q = 10.
    // B = 12.00 × 0.90 = 10.80; break 5 % → 10.26; line 102.60; next break at 50: 10.80 × 0.92 = 9.936 → 9.94.
    const priced = priceLine(line({ quantity: 10, tier: gold([tierWide(10, '5'), tierWide(50, '8')]) }));
    expect(formatMoney(priced.unitPrice)).toBe('10.26');
    expect(formatMoney(priced.lineTotal)).toBe('102.60');
    expect(priced.source).toBe('tier_discount');
    expect(priced.breakApplied).toEqual({ minQty: 10, discountPercent: '5' });
    expect(
      priced.nextBreak && { ...priced.nextBreak, unitPrice: formatMoney(priced.nextBreak.unitPrice) },
    ).toEqual({
      minQty: 50,
      unitPrice: '9.94',
      moreQty: 40,
    });
    // Saving versus list: (12.00 − 10.26) × 10 = 17.40.
    expect(formatMoney(priced.savings)).toBe('17.40');
  });

  it('takes a valid contract price as final, ignoring tier and breaks', () => {
    const contractPrices = [
      { unitPrice: parseMoney('9.50'), validFrom: '2027-01-01', validTo: '2027-03-31' },
    ];
    const priced = priceLine(line({ quantity: 100, tier: gold([tierWide(10, '5')]), contractPrices }));
    expect(priced).toMatchObject({
      unitPrice: 950n,
      source: 'contract',
      breakApplied: null,
      nextBreak: null,
    });
  });

  it('honours contract validity windows inclusively', () => {
    const contractPrices = [{ unitPrice: 950n, validFrom: '2027-03-01', validTo: '2027-03-31' }];
    expect(priceLine(line({ date: '2027-03-01', contractPrices })).source).toBe('contract');
    expect(priceLine(line({ date: '2027-03-31', contractPrices })).source).toBe('contract');
    expect(priceLine(line({ date: '2027-02-28', contractPrices })).source).toBe('list');
    expect(priceLine(line({ date: '2027-04-01', contractPrices })).source).toBe('list');
    const open = [{ unitPrice: 950n, validFrom: '2027-03-01', validTo: null }];
    expect(priceLine(line({ date: '2099-12-31', contractPrices: open })).source).toBe('contract');
  });

  it('uses the tier fixed price as the base, still subject to breaks', () => {
    // Fixed 11.00, break 5 % at 10: 11.00 × 0.95 = 10.45.
    const priced = priceLine(line({ quantity: 10, tier: gold([tierWide(10, '5')], parseMoney('11.00')) }));
    expect(priced).toMatchObject({ unitPrice: 1045n, source: 'tier_fixed' });
  });

  it('prefers product-specific breaks over tier-wide ones', () => {
    const breaks = [
      tierWide(10, '5'),
      { productId: 'p1', minQty: 20, discountPercent: '12.5' },
      { productId: 'p2', minQty: 1, discountPercent: '50' },
    ];
    // q = 10: p1 has its own breaks (20+), so the tier-wide 10+ does not apply: 10.80.
    expect(priceLine(line({ quantity: 10, tier: gold(breaks) })).unitPrice).toBe(1080n);
    // q = 20: 10.80 × 0.875 = 9.45.
    expect(priceLine(line({ quantity: 20, tier: gold(breaks) })).unitPrice).toBe(945n);
  });

  it('rounds once, half away from zero', () => {
    // 0.99 × (1 − 3.5 %) = 0.95535 → 0.96.
    expect(
      priceLine(line({ listPrice: 99n, tier: { discountPercent: '3.5', fixedPrice: null, breaks: [] } }))
        .unitPrice,
    ).toBe(96n);
    // 0.05 × 0.90 = 0.045 → 0.05 (half away from zero), where banker's rounding would give 0.04.
    expect(priceLine(line({ listPrice: 5n, tier: gold() })).unitPrice).toBe(5n);
    // 1.15 × 0.90 × 0.95 = 0.98325 → 0.98; rounding B first (1.035 → 1.04 × 0.95 = 0.988 → 0.99) would differ.
    expect(
      priceLine(line({ listPrice: 115n, quantity: 10, tier: gold([tierWide(10, '5')]) })).unitPrice,
    ).toBe(98n);
  });

  it('is the list price with no tier, and refuses quantities that are not positive integers', () => {
    expect(priceLine(line({ quantity: 3 }))).toMatchObject({
      unitPrice: 1200n,
      lineTotal: 3600n,
      source: 'list',
      savings: 0n,
    });
    for (const quantity of [0, -1, 1.5, Number.NaN])
      expect(() => priceLine(line({ quantity }))).toThrow(RangeError);
  });
});

/** An independent oracle: integer arithmetic written the plainest way. */
function oracle(
  list: number,
  tierPct100: number,
  breaks: { minQty: number; pct100: number }[],
  q: number,
): number {
  let best: { minQty: number; pct100: number } | undefined;
  for (const b of breaks) if (b.minQty <= q && (!best || b.minQty > best.minQty)) best = b;
  const scaled = BigInt(list) * BigInt(10000 - tierPct100) * BigInt(10000 - (best?.pct100 ?? 0)); // cents × 10^8
  const cents = (scaled + 50_000_000n) / 100_000_000n; // non-negative, so + half then floor = half away from zero
  return Number(cents);
}

describe('priceLine properties', () => {
  const pct = fc.integer({ min: 0, max: 10000 });
  const breakSet = fc.uniqueArray(fc.record({ minQty: fc.integer({ min: 1, max: 200 }), pct100: pct }), {
    selector: (b) => b.minQty,
    maxLength: 5,
  });
  const quantity = fc.oneof(
    fc.integer({ min: 1, max: 250 }),
    fc.constantFrom(9, 10, 11, 49, 50, 51),
    fc.integer({ min: 1, max: 5_000_000 }),
  );
  const listCents = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(1, 5, 99, 1200));
  const asPercent = (pct100: number) =>
    `${Math.floor(pct100 / 100)}.${String(pct100 % 100).padStart(2, '0')}`;

  it('agrees with the integer oracle over 10,000 random cases', () => {
    fc.assert(
      fc.property(listCents, pct, breakSet, quantity, (list, tierPct, breaks, q) => {
        const priced = priceLine(
          line({
            listPrice: BigInt(list),
            quantity: q,
            tier: {
              discountPercent: asPercent(tierPct),
              fixedPrice: null,
              breaks: breaks.map((b) => tierWide(b.minQty, asPercent(b.pct100))),
            },
          }),
        );
        expect(Number(priced.unitPrice)).toBe(oracle(list, tierPct, breaks, q));
        expect(priced.lineTotal).toBe(priced.unitPrice * BigInt(q));
      }),
      { numRuns: 10_000 },
    );
  });

  it('never charges more per unit for a larger quantity, and is deterministic', () => {
    fc.assert(
      fc.property(
        listCents,
        pct,
        breakSet,
        quantity,
        fc.integer({ min: 1, max: 100 }),
        (list, tierPct, breaks, q, extra) => {
          const input = (n: number) =>
            line({
              listPrice: BigInt(list),
              quantity: n,
              tier: {
                discountPercent: asPercent(tierPct),
                fixedPrice: null,
                breaks: breaks.map((b) => tierWide(b.minQty, asPercent(b.pct100))),
              },
            });
          // Breaks with a smaller discount at a larger minQty would break monotonicity; domain.md picks the largest minQty,
          // so the property holds for break sets whose discounts grow with minQty.
          const sorted = [...breaks].sort((a, b) => a.minQty - b.minQty);
          fc.pre(sorted.every((b, i) => i === 0 || b.pct100 >= (sorted[i - 1]?.pct100 ?? 0)));
          expect(priceLine(input(q + extra)).unitPrice <= priceLine(input(q)).unitPrice).toBe(true);
          expect(priceLine(input(q))).toEqual(priceLine(input(q)));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
