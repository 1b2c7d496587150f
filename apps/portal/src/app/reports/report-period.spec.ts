import {
  addDays,
  isIsoDate,
  periodLength,
  presetPeriod,
  resolvePeriod,
  timelineGrouping,
} from './report-period';

describe('presetPeriod', () => {
  // Wednesday 14 May 2025: the second month of the second quarter.
  const today = '2025-05-14';

  it.each([
    ['last7', '2025-05-08', 7],
    ['last30', '2025-04-15', 30],
    ['last90', '2025-02-14', 90],
    ['mtd', '2025-05-01', 14],
    ['qtd', '2025-04-01', 44],
    ['ytd', '2025-01-01', 134],
    ['last12m', '2024-05-15', 365],
  ] as const)('%s starts on %s and spans %i days ending today', (preset, from, days) => {
    const period = presetPeriod(preset, today);
    expect(period).toEqual({ from, to: today });
    expect(periodLength(period)).toBe(days);
  });

  it('counts 29 February in a leap year', () => {
    expect(presetPeriod('last12m', '2024-03-01')).toEqual({ from: '2023-03-02', to: '2024-03-01' });
    expect(periodLength(presetPeriod('last12m', '2024-03-01'))).toBe(366);
  });

  it('starts the quarter on its first month', () => {
    expect(presetPeriod('qtd', '2025-12-31').from).toBe('2025-10-01');
    expect(presetPeriod('qtd', '2025-01-01').from).toBe('2025-01-01');
  });
});

describe('resolvePeriod', () => {
  const today = '2025-05-14';

  it('defaults to the last 30 days', () => {
    expect(resolvePeriod(undefined, '', '', today)).toEqual({
      preset: 'last30',
      from: '2025-04-15',
      to: today,
    });
  });

  it("defaults to the page's own preset when it has one", () => {
    expect(resolvePeriod(undefined, '', '', today, 'last12m')).toEqual({
      preset: 'last12m',
      from: '2024-05-15',
      to: today,
    });
  });

  it('takes dates without a preset as custom', () => {
    expect(resolvePeriod(undefined, '2025-01-01', '2025-01-31', today)).toEqual({
      preset: 'custom',
      from: '2025-01-01',
      to: '2025-01-31',
    });
  });

  it('ignores the dates of a preset, and invalid or reversed custom dates', () => {
    expect(resolvePeriod('mtd', '2020-01-01', '2020-01-31', today).from).toBe('2025-05-01');
    expect(resolvePeriod('custom', '2025-02-30', '', today)).toEqual({
      preset: 'custom',
      from: '2025-04-15',
      to: today,
    });
    expect(resolvePeriod('custom', '2025-03-01', '2025-02-01', today).from).toBe('2025-01-03');
  });
});

describe('timelineGrouping', () => {
  it.each([
    [1, 'day'],
    [45, 'day'],
    [46, 'week'],
    [190, 'week'],
    [191, 'month'],
    [366, 'month'],
  ] as const)('%i days → by %s', (days, grouping) => {
    expect(timelineGrouping({ from: '2025-01-01', to: addDays('2025-01-01', days - 1) })).toBe(grouping);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-5-1')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});
