import { poNumberFor } from './po-pattern';

describe('poNumberFor', () => {
  it('fills the date tokens from the run date', () => {
    expect(poNumberFor('ACME-{yyyy}{mm}{dd}', '2027-01-04')).toBe('ACME-20270104');
    expect(poNumberFor('SO/{yy}/{mm}-{dd}', '2026-12-31')).toBe('SO/26/12-31');
  });

  it('repeats a token as often as it is written, and leaves other text alone', () => {
    expect(poNumberFor('{mm}{mm} {unknown} {YYYY}', '2027-03-09')).toBe('0303 {unknown} {YYYY}');
  });

  it('gives a fixed PO as it is, and none for an empty pattern', () => {
    expect(poNumberFor('BLANKET-PO-7', '2027-03-09')).toBe('BLANKET-PO-7');
    expect(poNumberFor('   ', '2027-03-09')).toBeNull();
    expect(poNumberFor(null, '2027-03-09')).toBeNull();
  });
});
