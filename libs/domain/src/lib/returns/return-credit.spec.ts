import fc from 'fast-check';
import { formatMoney } from '../money';
import {
  creditLineAmounts,
  formatFeePercent,
  isFeePercent,
  percentToBasisPoints,
  restockingFee,
} from './return-credit';

/** An independent oracle: half-up rounding with integer division on plain numbers (all values stay < 2^53). */
function oracleFee(grossCents: number, hundredthsOfPercent: number): number {
  const scaled = grossCents * hundredthsOfPercent; // fee in 1/10000 cents
  const whole = Math.floor(scaled / 10000);
  return scaled - whole * 10000 >= 5000 ? whole + 1 : whole;
}

const percentArb = fc
  .integer({ min: 0, max: 10000 })
  .map((bp) => ({ bp, text: `${Math.floor(bp / 100)}.${(bp % 100).toString().padStart(2, '0')}` }));

describe('restocking fee and credit amounts', () => {
  it('rounds half-up to the cent', () => {
    expect(restockingFee(1005n, '10')).toBe(101n); // 100.5 → 101
    expect(restockingFee(1004n, '10')).toBe(100n);
    expect(restockingFee(333n, '12.5')).toBe(42n); // 41.625 → 42
    expect(restockingFee(0n, '100')).toBe(0n);
    expect(restockingFee(999n, '100')).toBe(999n);
  });

  it('matches an integer oracle for any gross and percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), percentArb, (gross, { bp, text }) => {
        expect(restockingFee(BigInt(gross), text)).toBe(BigInt(oracleFee(gross, bp)));
      }),
    );
  });

  it('credits quantity × price paid less the fee, never below 0 nor above gross', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        percentArb,
        fc.boolean(),
        (quantity, priceCents, { bp, text }, waived) => {
          const amounts = creditLineAmounts(quantity, formatMoney(BigInt(priceCents)), text, waived);
          const gross = quantity * priceCents;
          expect(amounts.gross).toBe(BigInt(gross));
          expect(amounts.fee).toBe(waived ? 0n : BigInt(oracleFee(gross, bp)));
          expect(amounts.total).toBe(amounts.gross - amounts.fee);
          expect(amounts.total >= 0n && amounts.total <= amounts.gross).toBe(true);
        },
      ),
    );
  });

  it('reads and writes percentages exactly', () => {
    expect(percentToBasisPoints('12.5')).toBe(1250n);
    expect(formatFeePercent('12.50')).toBe('12.5');
    expect(formatFeePercent('10.00')).toBe('10');
    expect(formatFeePercent('0.00')).toBe('0');
    expect(isFeePercent('100')).toBe(true);
    expect(isFeePercent('100.01')).toBe(false);
    expect(isFeePercent('-1')).toBe(false);
    expect(isFeePercent('1.234')).toBe(false);
    fc.assert(fc.property(percentArb, ({ text }) => expect(isFeePercent(formatFeePercent(text))).toBe(true)));
  });
});
