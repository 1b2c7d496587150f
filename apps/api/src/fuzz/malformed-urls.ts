import fc from 'fast-check';
import { hostileStrings, Tagged } from './malformed-values';

/**
 * Bad query strings and path segments, already in the form they travel in
 * (percent-encoded, or deliberately not: `%zz`, `%00`, a truncated `%E0%A4%A`).
 */

/** Percent-encodes like a browser would, but never throws on a lone surrogate (encodes its CESU-8 bytes). */
export function encode(text: string): string {
  return Array.from(text)
    .map((char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        const code = char.charCodeAt(0);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      }
    })
    .join('');
}

const BAD_ENCODINGS = [
  '%00',
  'abc%00def',
  '%zz',
  '%',
  '%E0%A4%A',
  '%C0%80',
  '%FF%FE',
  '%ED%A0%80',
  '%25%00',
  '+%2B+',
];

/** One query value, encoded, for `name=<value>`. */
const queryValue = (): fc.Arbitrary<Tagged<string>> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(...BAD_ENCODINGS).map((value) => ({ label: 'bad percent-encoding', value })),
    },
    { weight: 6, arbitrary: hostileStrings().map(({ label, value }) => ({ label, value: encode(value) })) },
  );

/** A whole `name…` fragment of a query string (it replaces `name=<good value>`). */
export const malformedQueryPart = (name: string): fc.Arbitrary<Tagged<string>> =>
  fc.oneof(
    { weight: 8, arbitrary: queryValue().map(({ label, value }) => ({ label, value: `${name}=${value}` })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(2, 50).map((count) => ({
        label: `${name} repeated ${count} times`,
        value: Array.from({ length: count }, (_, i) => `${name}=${i}`).join('&'),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(2, 1_000).map((count) => ({
        label: `${name}[] with ${count} items`,
        value: Array.from({ length: count }, (_, i) => `${name}[]=${i}`).join('&'),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(5, 40, 1_000).map((depth) => ({
        label: `${name} with ${depth} nested brackets`,
        value: `${name}${'[a]'.repeat(depth)}=1`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(`${name}=`, name, `${name}[]`, `${name}[0]=x`, `${name}[__proto__][x]=1`)
        .map((value) => ({
          label: 'odd query syntax',
          value,
        })),
    },
  );

/** Extra query parameters nobody declared, prototype names among them. */
export const unknownQueryPart = (): fc.Arbitrary<Tagged<string>> =>
  fc
    .constantFrom(
      '__proto__=x',
      '__proto__[isAdmin]=true',
      'constructor[prototype][x]=1',
      'hasOwnProperty=1',
      'toString=1',
      'unknownParam=1',
      'a[b][c][d][e][f][g][h][i][j][k]=1',
      '&&&==&',
    )
    .map((value) => ({ label: 'unknown query parameter', value }));

/** A path segment in place of a good id. */
export const malformedPathSegment = (goodId: string, foreignId: string): fc.Arbitrary<Tagged<string>> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(
          'not-a-uuid',
          '00000000-0000-0000-0000-000000000000',
          '00000000-0000-4000-8000-000000000000',
          goodId.toUpperCase(),
          `${goodId}%00`,
          `${goodId}x`,
          ` ${goodId}`.replace(' ', '%20'),
          foreignId,
          '%00',
          '%zz',
          '%',
          '..',
          '%2e%2e%2f%2e%2e',
          '%2F',
          '1',
          '-1',
          '1e308',
          'null',
          'undefined',
          '__proto__',
          'constructor',
          '%E2%80%AE',
          '%F0%9F%98%80',
          '%ED%A0%80',
          'x'.repeat(300),
          'x'.repeat(5_000),
        )
        .map((value) => ({ label: 'malformed path id', value })),
    },
    {
      weight: 2,
      arbitrary: hostileStrings().map(({ label, value }) => ({
        label: `path ${label}`,
        value: encode(value),
      })),
    },
  );
