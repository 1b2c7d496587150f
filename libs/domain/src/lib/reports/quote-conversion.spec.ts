import fc from 'fast-check';
import type { QuoteStatus } from '../quotes/quote-status';
import { quoteConversion, quotedInPeriod, quoteOutcome, type QuoteConversionCount } from './quote-conversion';

const december = { from: '2026-12-01', to: '2026-12-31' };

const today = '2027-01-10';

const count = (
  firstQuotedOn: string,
  status: QuoteStatus,
  quotes: number,
  quotedValue: bigint,
  acceptedValue = 0n,
  validUntil: string | null = '2027-01-31',
): QuoteConversionCount => ({ firstQuotedOn, status, validUntil, quotes, quotedValue, acceptedValue });

describe('quote conversion', () => {
  it('counts a quote in the period of its first quoting, whatever happened since', () => {
    expect(quotedInPeriod('2026-12-01', december)).toBe(true);
    expect(quotedInPeriod('2026-12-31', december)).toBe(true);
    expect(quotedInPeriod('2026-11-30', december)).toBe(false);
    expect(quotedInPeriod('2027-01-01', december)).toBe(false);
    // never priced: never quoted
    expect(quotedInPeriod(null, december)).toBe(false);
  });

  it('names the outcome by the status now; quoted or back with the seller is open', () => {
    expect(quoteOutcome('accepted')).toBe('accepted');
    expect(quoteOutcome('declined')).toBe('declined');
    expect(quoteOutcome('expired')).toBe('expired');
    expect(quoteOutcome('withdrawn')).toBe('withdrawn');
    expect(quoteOutcome('quoted')).toBe('open');
    expect(quoteOutcome('requested')).toBe('open');
  });

  it('adds up the quotes first quoted in the period', () => {
    const figures = quoteConversion(
      [
        // two accepted, one of them only partly: $1,000.00 + $500.00 offered, $1,000.00 + $200.00 ordered
        count('2026-12-02', 'accepted', 2, 150_000n, 120_000n),
        count('2026-12-05', 'declined', 1, 30_000n),
        count('2026-12-20', 'expired', 1, 10_000n),
        // still written quoted, but its prices lapsed on 9 Jan: expired today (10 Jan)
        count('2026-12-20', 'quoted', 1, 5_000n, 0n, '2027-01-09'),
        count('2026-12-21', 'quoted', 1, 7_550n),
        count('2026-12-22', 'requested', 1, 2_450n),
        count('2026-12-30', 'withdrawn', 1, 0n),
        // first quoted in November: another period's, even if accepted in December
        count('2026-11-28', 'accepted', 5, 999_999n, 999_999n),
      ],
      december,
      today,
    );
    expect(figures).toEqual({
      quoted: 8, // 2 + 1 + 1 + 1 + 1 + 1 + 1
      accepted: 2,
      declined: 1,
      expired: 2,
      withdrawn: 1,
      open: 2,
      conversion: 2 / 8,
      quotedValue: 205_000n, // 150,000 + 30,000 + 10,000 + 5,000 + 7,550 + 2,450 + 0 cents = $2,050.00
      acceptedValue: 120_000n, // $1,200.00
      valueConversion: 120_000 / 205_000, // 1,200 ÷ 2,050
    });
  });

  it('has no conversion when nothing was quoted', () => {
    expect(quoteConversion([], december, today)).toMatchObject({
      quoted: 0,
      conversion: null,
      valueConversion: null,
    });
  });

  it('splits every quote counted into exactly one outcome', () => {
    const statuses: QuoteStatus[] = ['requested', 'quoted', 'accepted', 'declined', 'withdrawn', 'expired'];
    const row = fc.record({
      firstQuotedOn: fc
        .integer({ min: 0, max: 90 })
        .map((d) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10)),
      status: fc.constantFrom(...statuses),
      validUntil: fc.constantFrom(null, '2026-12-15', '2027-02-01'),
      quotes: fc.integer({ min: 1, max: 50 }),
      quotedValue: fc.bigInt({ min: 0n, max: 10_000_000n }),
      acceptedValue: fc.constant(0n),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const figures = quoteConversion(rows, december, today);
        const inPeriod = rows.filter((r) => quotedInPeriod(r.firstQuotedOn, december));
        expect(figures.quoted).toBe(inPeriod.reduce((sum, r) => sum + r.quotes, 0));
        expect(figures.accepted + figures.declined + figures.expired + figures.withdrawn + figures.open).toBe(
          figures.quoted,
        );
        expect(figures.quotedValue).toBe(inPeriod.reduce((sum, r) => sum + r.quotedValue, 0n));
        if (figures.conversion !== null) {
          expect(figures.conversion).toBeGreaterThanOrEqual(0);
          expect(figures.conversion).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
