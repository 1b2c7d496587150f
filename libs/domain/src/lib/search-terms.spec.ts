import { escapeLikePattern, searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('splits on whitespace, lower-cases and drops empties', () => {
    expect(searchTerms('  Nitrile   GLOVES ')).toEqual(['nitrile', 'gloves']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('keeps at most the given number of terms', () => {
    expect(searchTerms('a b c d e f g h', 3)).toEqual(['a', 'b', 'c']);
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(escapeLikePattern('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
