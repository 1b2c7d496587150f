import {
  backlogAge,
  lastDaysStart,
  previousPeriod,
  promiseAccuracyBucket,
  promiseAccuracyLabel,
} from './buckets';

describe('report buckets', () => {
  it('ages backlog in whole calendar days since placement', () => {
    expect(backlogAge('2027-03-10', '2027-03-10').key).toBe('0-2');
    expect(backlogAge('2027-03-08', '2027-03-10').key).toBe('0-2');
    expect(backlogAge('2027-03-07', '2027-03-10').key).toBe('3-7');
    expect(backlogAge('2027-02-24', '2027-03-10').key).toBe('8-14');
    expect(backlogAge('2027-02-08', '2027-03-10').key).toBe('15-30');
    expect(backlogAge('2027-02-07', '2027-03-10').key).toBe('31+');
    expect(backlogAge('2027-03-11', '2027-03-10').key).toBe('0-2');
  });

  it('gathers promise errors beyond −5 and +10 business days at the ends', () => {
    expect([-9, -5, -1, 0, 3, 10, 24].map(promiseAccuracyBucket)).toEqual([-5, -5, -1, 0, 3, 10, 10]);
    expect(promiseAccuracyLabel(0)).toBe('On the day');
    expect(promiseAccuracyLabel(-1)).toBe('1 business day early');
    expect(promiseAccuracyLabel(-5)).toBe('5 business days or more early');
    expect(promiseAccuracyLabel(2)).toBe('2 business days late');
    expect(promiseAccuracyLabel(10)).toBe('10 business days or more late');
  });

  it('counts today as one of the last N days', () => {
    expect(lastDaysStart('2027-03-10', 45)).toBe('2027-01-25');
    expect(lastDaysStart('2027-03-10', 1)).toBe('2027-03-10');
  });

  it('compares a period with the one of the same length just before it', () => {
    expect(previousPeriod('2027-03-01', '2027-03-31')).toEqual({ from: '2027-01-29', to: '2027-02-28' });
    expect(previousPeriod('2027-03-10', '2027-03-10')).toEqual({ from: '2027-03-09', to: '2027-03-09' });
  });
});
