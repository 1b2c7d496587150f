import { preferredCoding } from './accept-encoding';

describe('preferredCoding', () => {
  it.each([
    // What browsers send: equal weights, so the server's preference (brotli) decides.
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['deflate', undefined],
    ['identity', undefined],
    ['', undefined],
    [undefined, undefined],
    // The client's weights come first.
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0.2, gzip;q=0.1', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['gzip;q=nonsense', undefined],
  ])('%j → %s', (header, expected) => {
    expect(preferredCoding(header)).toBe(expected);
  });

  it('chooses only among the variants there are', () => {
    expect(preferredCoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(preferredCoding('br', ['gzip'])).toBeUndefined();
    expect(preferredCoding('gzip, br', [])).toBeUndefined();
  });
});
