import type { QuoteConversionReport, QuoteConversionRow } from '@tradecounter/contracts';
import {
  quoteConversionPanel,
  quoteConversionQuery,
  quoteConversionSubtitle,
} from './quote-conversion-panel';

function row(key: string, quoted: number, accepted: number, values: [string, string]): QuoteConversionRow {
  return {
    key,
    label: `Group ${key}`,
    quoted,
    accepted,
    declined: 0,
    expired: 0,
    withdrawn: 0,
    open: quoted - accepted,
    conversion: quoted === 0 ? null : accepted / quoted,
    quotedValue: values[0],
    acceptedValue: values[1],
    valueConversion: null,
  };
}

function report(
  rows: QuoteConversionRow[],
  groupBy: QuoteConversionReport['groupBy'],
): QuoteConversionReport {
  return {
    asOf: '2026-12-06T14:02:31.000Z',
    from: '2026-12-01',
    to: '2026-12-31',
    groupBy,
    rows,
    total: rows[0] ?? row('t', 0, 0, ['0.00', '0.00']),
  };
}

describe('quoteConversionPanel', () => {
  it('tables every group, most quoted first, with the share and exact money', () => {
    const panel = quoteConversionPanel(
      report(
        [row('a', 3, 1, ['300.00', '100.00']), row('b', 8, 6, ['12345.60', '9000.05'])],
        'accountManager',
      ),
    );
    expect(panel.columns[0]?.header).toBe('Account manager');
    expect(panel.rows.map((r) => r.key)).toEqual(['b', 'a']);
    expect(panel.rows[0]?.cells).toMatchObject({
      quoted: '8',
      accepted: '6',
      open: '2',
      conversion: '75.0%',
      quotedValue: '$12,345.60',
      acceptedValue: '$9,000.05',
    });
    expect(panel.rows[0]?.link).toBeUndefined();
    expect(panel.series).toEqual([
      { name: 'Quoted', values: [8, 3] },
      { name: 'Accepted', values: [6, 1] },
    ]);
  });

  it('links accounts to their page and charts the ten most quoted', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`id${i}`, i + 1, 0, ['0.00', '0.00']));
    const panel = quoteConversionPanel(report(rows, 'account'));
    expect(panel.columns[0]?.header).toBe('Account');
    expect(panel.rows).toHaveLength(12);
    expect(panel.rows[0]?.link).toBe('/accounts/id11');
    expect(panel.labels).toHaveLength(10);
    expect(panel.rows[11]?.cells['conversion']).toBe('0.0%');
  });

  it('has nothing to show before the report arrives', () => {
    expect(quoteConversionPanel(undefined).rows).toEqual([]);
  });
});

describe('quote conversion query and subtitle', () => {
  it('passes the period and account filters only (quotes have no channel or category)', () => {
    expect(
      quoteConversionQuery(
        { from: '2026-10-01', to: '2026-10-31', channel: 'portal', category: 'Bolts', accountId: 'a' },
        'account',
      ),
    ).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      accountId: 'a',
      accountManagerId: undefined,
      groupBy: 'account',
    });
  });

  it('says what was counted', () => {
    const period = { from: '2026-10-01', to: '2026-10-31' };
    expect(quoteConversionSubtitle(period, undefined)).toBe('First quoted 1 Oct 2026 to 31 Oct 2026');
    const one = report([row('a', 6, 2, ['1.00', '1.00'])], 'account');
    expect(quoteConversionSubtitle(period, one)).toBe(
      'First quoted 1 Oct 2026 to 31 Oct 2026 · 6 quotes, 33.3% accepted',
    );
  });
});
