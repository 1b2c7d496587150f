import type { ReturnRateReport, ReturnRateRow } from '@tradecounter/contracts';
import {
  FLAGGED,
  formatRateValue,
  formatReturnRate,
  returnRatePanel,
  returnRateQuery,
  returnRateSubtitle,
} from './return-rate-panel';

const row = (
  key: string,
  delivered: number,
  returned: number,
  rate: string | null,
  flagged = false,
): ReturnRateRow => ({
  key,
  label: `Product ${key}`,
  deliveredUnits: delivered,
  returnedUnits: returned,
  returnRate: rate,
  flagged,
});

const report = (
  rows: ReturnRateRow[],
  groupBy: ReturnRateReport['groupBy'] = 'product',
): ReturnRateReport => ({
  asOf: '2026-12-06T14:02:31.000Z',
  from: '2026-11-01',
  to: '2026-11-30',
  groupBy,
  rows,
  totals: {
    deliveredUnits: rows.reduce((sum, r) => sum + r.deliveredUnits, 0),
    returnedUnits: rows.reduce((sum, r) => sum + r.returnedUnits, 0),
    returnRate: '0.1889',
  },
});

describe('return rate panel', () => {
  it('shows the exact rate as a percentage by moving the decimal point', () => {
    expect(formatReturnRate('0.0250')).toBe('2.50%');
    expect(formatReturnRate('0.0000')).toBe('0.00%');
    expect(formatReturnRate('0.1889')).toBe('18.89%');
    expect(formatReturnRate('1.0000')).toBe('100.00%');
    expect(formatReturnRate('12.3456')).toBe('1234.56%');
    expect(formatReturnRate(null)).toBe('—');
  });

  it('tables every row with flagged products marked in words, and charts the rated ones, flagged in a series of their own', () => {
    const panel = returnRatePanel(
      report([row('B', 10, 5, '0.5000', true), row('A', 70, 7, '0.1000'), row('Z', 0, 2, null)]),
    );
    expect(panel.columns.map((c) => c.header)).toEqual([
      'Product',
      'Delivered units',
      'Returned units',
      'Return rate',
    ]);
    expect(panel.rows.map((r) => [r.key, r.cells['rate'], r.flag])).toEqual([
      ['B', '50.00%', FLAGGED],
      ['A', '10.00%', undefined],
      ['Z', '—', undefined],
    ]);
    expect(panel.labels).toEqual(['⚑ Product B', 'Product A']);
    expect(panel.series).toEqual([
      { name: 'Return rate', values: [null, 0.1] },
      { name: FLAGGED, values: [0.5, null] },
    ]);
  });

  it('has one series without flags, links accounts, and names the reason column for all deliveries', () => {
    expect(returnRatePanel(report([row('A', 70, 7, '0.1000')])).series).toEqual([
      { name: 'Return rate', values: [0.1] },
    ]);
    expect(returnRatePanel(report([row('B', 10, 5, '0.5000', true)])).series).toEqual([
      { name: 'Return rate', values: [null] },
      { name: FLAGGED, values: [0.5] },
    ]);
    expect(formatRateValue(0.1469)).toBe('14.69%');
    expect(returnRatePanel(report([row('acc-1', 70, 7, '0.1000')], 'account')).rows[0]?.link).toBe(
      '/accounts/acc-1',
    );
    expect(returnRatePanel(report([row('damaged', 90, 11, '0.1222')], 'reason')).columns[1]?.header).toBe(
      'Delivered units (all)',
    );
    expect(returnRatePanel(undefined).rows).toEqual([]);
  });

  it('passes the page filter with the grouping, and sums up the period in the subtitle', () => {
    expect(returnRateQuery({ from: '2026-11-01', channel: 'phone' }, 'reason')).toEqual({
      from: '2026-11-01',
      channel: 'phone',
      groupBy: 'reason',
    });
    const period = { from: '2026-11-01', to: '2026-11-30' };
    expect(
      returnRateSubtitle(period, report([row('B', 10, 5, '0.5000', true), row('A', 80, 12, '0.1500')])),
    ).toMatch(
      /units, .+ · 17 of 90 units returned \(18\.89%\) · ⚑ 1 product with high returns \(top tenth by rate, 5 or more returned\)$/,
    );
    expect(returnRateSubtitle(period, undefined)).not.toContain('returned (');
  });
});
