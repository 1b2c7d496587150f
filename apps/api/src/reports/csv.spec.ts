import { toCsv } from './csv';

describe('CSV', () => {
  it('quotes what needs quoting, keeps numbers as they are, and defuses formulas', () => {
    expect(
      toCsv(
        ['key', 'label', 'netSales'],
        [
          ['a', 'Acme, Inc. "East"', '-12.50'],
          ['b', '=HYPERLINK("x")', 3],
          ['c', null, '0.00'],
        ],
      ),
    ).toBe(
      'key,label,netSales\r\na,"Acme, Inc. ""East""",-12.50\r\nb,"\'=HYPERLINK(""x"")",3\r\nc,,0.00\r\n',
    );
  });
});
