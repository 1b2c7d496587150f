import { IMMUTABLE, portalCacheControl, REVALIDATE, SHORT_LIVED } from './static-portal';

describe('portalCacheControl', () => {
  it.each([
    ['index.html', REVALIDATE],
    ['main-M2A7OTBX.js', IMMUTABLE],
    ['chunk-23CPLR5D.js', IMMUTABLE],
    ['styles-BPKIQ4CO.css', IMMUTABLE],
    ['media/roboto-V4WZ7N2K.woff2', IMMUTABLE],
    ['favicon.svg', SHORT_LIVED],
    ['assets/logo.png', SHORT_LIVED],
    // Not Angular's hash: lower case, or the wrong length.
    ['assets/price-list-2024.pdf', SHORT_LIVED],
    ['assets/main-abcdefgh.js', SHORT_LIVED],
  ])('%s → %s', (path, expected) => {
    expect(portalCacheControl(path)).toBe(expected);
  });
});
