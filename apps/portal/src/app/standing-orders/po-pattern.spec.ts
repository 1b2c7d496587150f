import { poExample, poPatternError } from './po-pattern';

describe('poExample', () => {
  it('fills the date tokens from the run date', () => {
    expect(poExample('ACME-{yyyy}{mm}{dd}', '2027-01-04')).toBe('ACME-20270104');
    expect(poExample('SO/{yy}/{mm}-{dd}', '2026-12-31')).toBe('SO/26/12-31');
  });

  it('repeats a token as often as it is written', () => {
    expect(poExample('{mm}{mm}', '2027-03-09')).toBe('0303');
  });

  it('gives a fixed PO as it is, and none for an empty pattern', () => {
    expect(poExample('BLANKET-PO-7', '2027-03-09')).toBe('BLANKET-PO-7');
    expect(poExample('   ', '2027-03-09')).toBeNull();
    expect(poExample(null, '2027-03-09')).toBeNull();
  });
});

describe('poPatternError', () => {
  it('accepts no pattern and a sound one', () => {
    expect(poPatternError('')).toBeNull();
    expect(poPatternError(null)).toBeNull();
    expect(poPatternError('ACME-{yyyy}{mm}{dd}')).toBeNull();
  });

  it('names unknown tokens and unmatched braces', () => {
    expect(poPatternError('PO-{week}')).toContain('{week}');
    expect(poPatternError('PO-{yyyy')).toContain('brace');
  });
});
