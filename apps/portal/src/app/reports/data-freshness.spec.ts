import { dataFreshness, formatLag, STALE_AFTER_SECONDS } from './data-freshness';

describe('data freshness', () => {
  const now = new Date(2026, 11, 6, 14, 3, 0);
  const at = (hours: number, minutes: number, seconds: number) =>
    new Date(2026, 11, 6, hours, minutes, seconds).toISOString();

  it('is unknown until an answer has arrived', () => {
    expect(dataFreshness([undefined, undefined], now)).toBeUndefined();
  });

  it('is the oldest answer, shown as its time of day, and fresh within a minute', () => {
    const freshness = dataFreshness([at(14, 2, 50), undefined, at(14, 2, 31)], now);
    // 14:03:00 − 14:02:31 = 29 s behind.
    expect(freshness).toEqual({ asOf: at(14, 2, 31), label: '14:02:31', behindSeconds: 29, stale: false });
  });

  it(`is stale more than ${STALE_AFTER_SECONDS} s behind, and names the day when it is not today`, () => {
    // 14:03:00 − 14:01:59 = 61 s.
    expect(dataFreshness([at(14, 1, 59)], now)).toMatchObject({ behindSeconds: 61, stale: true });
    expect(dataFreshness([at(14, 2, 0)], now)).toMatchObject({ behindSeconds: 60, stale: false });
    const yesterday = new Date(2026, 11, 5, 23, 59, 0).toISOString();
    expect(dataFreshness([yesterday], now)?.label).toBe('5 Dec 2026, 23:59:00');
  });

  it('never says the data is ahead of the clock', () => {
    expect(dataFreshness([at(14, 3, 5)], now)?.behindSeconds).toBe(0);
  });

  it('says how far behind in the largest units that read well', () => {
    expect(formatLag(45)).toBe('45 s');
    expect(formatLag(185)).toBe('3 min');
    expect(formatLag(7_500)).toBe('2 h 5 min');
    expect(formatLag(7_200)).toBe('2 h');
  });
});
