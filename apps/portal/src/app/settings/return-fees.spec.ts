import { RETURN_REASONS } from '@tradecounter/contracts';
import {
  feeLabel,
  feeProblem,
  RETURN_REASON_LABELS,
  toFeeString,
  toReturnFees,
  windowDaysProblem,
} from './return-fees';

describe('feeProblem', () => {
  it('accepts 0 to 100 with up to two decimals', () => {
    for (const fee of ['0', '10', '12.5', '12.50', '99.99', '100', '100.00', ' 7 ']) {
      expect({ fee, problem: feeProblem(fee) }).toEqual({ fee, problem: null });
    }
  });

  it('refuses empty, negative, over 100, too many decimals and words', () => {
    expect(feeProblem('')).toBe('Enter a fee (0 for none)');
    expect(feeProblem('-1')).toBe('Enter 0 to 100, at most 2 decimals');
    expect(feeProblem('12.345')).toBe('Enter 0 to 100, at most 2 decimals');
    expect(feeProblem('ten')).toBe('Enter 0 to 100, at most 2 decimals');
    expect(feeProblem('1e2')).toBe('Enter 0 to 100, at most 2 decimals');
    expect(feeProblem('100.01')).toBe('A fee cannot be more than 100 %');
    expect(feeProblem('101')).toBe('A fee cannot be more than 100 %');
  });
});

describe('toFeeString and feeLabel', () => {
  it('sends the shortest form of the number', () => {
    expect(toFeeString(' 012.50 ')).toBe('12.5');
    expect(toFeeString('10.00')).toBe('10');
    expect(toFeeString('0')).toBe('0');
    expect(toFeeString('100.0')).toBe('100');
  });

  it('reads "No fee" for zero and a percentage otherwise', () => {
    expect(feeLabel('0')).toBe('No fee');
    expect(feeLabel('0.00')).toBe('No fee');
    expect(feeLabel('15')).toBe('15 %');
    expect(feeLabel('12.50')).toBe('12.5 %');
  });

  it('fills every reason, a missing one with no fee', () => {
    expect(toReturnFees({ damaged: '0', not_needed: '15.0' })).toEqual({
      damaged: '0',
      defective: '0',
      wrong_item: '0',
      not_needed: '15',
      other: '0',
    });
  });

  it('labels every reason', () => {
    for (const reason of RETURN_REASONS) expect(RETURN_REASON_LABELS[reason]).toMatch(/^[A-Z]/);
  });
});

describe('windowDaysProblem', () => {
  it('accepts whole days from 0 to ten years', () => {
    expect(windowDaysProblem(30)).toBeNull();
    expect(windowDaysProblem('1')).toBeNull();
    expect(windowDaysProblem(0)).toBeNull();
    expect(windowDaysProblem(3650)).toBeNull();
  });

  it('refuses empty, negative, fractions and more than the maximum', () => {
    expect(windowDaysProblem(null)).toBe('Enter a number of days');
    expect(windowDaysProblem('')).toBe('Enter a number of days');
    expect(windowDaysProblem(-1)).toBe('Enter a whole number of days');
    expect(windowDaysProblem('1.5')).toBe('Enter a whole number of days');
    expect(windowDaysProblem(3651)).toBe('At most 3650 days');
  });
});
