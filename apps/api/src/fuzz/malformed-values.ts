import fc from 'fast-check';
import { deepArray, deepObject, Json, JsonObject, raw, setOwn } from './json-text';
import type { Schema } from './openapi-routes';

/** A value to put in a field, with a short label saying what kind of bad it is. */
export interface Tagged<T> {
  label: string;
  value: T;
}

const tag =
  <T>(label: string) =>
  (value: T): Tagged<T> => ({ label, value });

const tagged = <T>(label: string, ...values: T[]) => fc.constantFrom(...values).map(tag<T>(label));

/** Strings carrying control characters; PostgreSQL refuses NUL outright (22021). */
export const controlStrings = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '\u0000',
      'abc\u0000def',
      '\u0000'.repeat(8),
      'x\u0001\u0002\u0003',
      '\u001b[31mred',
      '\u007f',
      '\b\f',
    ),
    fc
      .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 31 }), fc.string({ maxLength: 8 }))
      .map(([before, code, after]) => `${before}${String.fromCharCode(code)}${after}`),
  );

/** Unicode that trips naive code: lone surrogates, right-to-left overrides, emoji, zero-width, combining marks. */
export const oddUnicodeStrings = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '\ud800',
      'a\udfffb',
      '\udc00\ud800',
      '\u202eevil\u202c',
      '\u05e9\u05dc\u05d5\u05dd',
      '😀',
      '👨‍👩‍👧‍👦',
      '\u200b',
      '\ufeffBOM',
      'e\u0301\u0301\u0301',
      'line\u2028sep',
      '１２３',
      'Ⅻ',
      'ǅ',
      'ß',
      'İ',
    ),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

const LONG = [256, 4_096, 65_536];

/** Strings any text field might be sent: odd, long, numeric-looking, date-looking, hostile. */
export const hostileStrings = (): fc.Arbitrary<Tagged<string>> =>
  fc.oneof(
    { weight: 4, arbitrary: controlStrings().map(tag('control characters')) },
    { weight: 3, arbitrary: oddUnicodeStrings().map(tag('odd unicode')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...LONG)
        .map((length) => tag<string>(`${length}-char string`)('é'.repeat(length))),
    },
    {
      weight: 2,
      arbitrary: tagged(
        'numeric-looking string',
        'NaN',
        'Infinity',
        '-Infinity',
        '1e308',
        '-0',
        '0x1F',
        ' 12 ',
        '1,000.00',
        '12.345',
        '-1',
        '99999999999999999999999.99',
        '1e-7',
        '٣',
        '',
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        'date-looking string',
        '2027-02-30',
        '0000-00-00',
        '99999-01-01',
        '2027-01-01T25:61:00Z',
        '2027-1-1',
        'yesterday',
        '1970-01-01T00:00:00.000+99:00',
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        'id-looking string',
        '00000000-0000-0000-0000-000000000000',
        'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
        'not-a-uuid',
        '1',
        '-1',
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        'hostile string',
        "' OR '1'='1' --",
        '<script>alert(1)</script>',
        '${7*7}{{7*7}}',
        '=cmd|calc!A1',
        '../../etc/passwd',
        '%s%s%n',
        '__proto__',
        'constructor',
        '   ',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(tag('random string')) },
  );

/** Numbers no JSON.stringify writes (`-0`, 1e309 = Infinity after parsing, 2^64 exactly) and awkward ordinary ones. */
const oddNumbers = (): fc.Arbitrary<Tagged<Json>> =>
  fc.oneof(
    tagged<Json>(
      'huge or non-finite number',
      raw('1e309'),
      raw('-1e309'),
      raw('-0'),
      raw('18446744073709551616'),
      raw('1e-400'),
      1e308,
      -1e308,
      2 ** 53 + 1,
      Number.MAX_SAFE_INTEGER,
      5e-324,
    ),
    tagged<Json>(
      'awkward number',
      0,
      -1,
      0.5,
      1.0000000000000002,
      1_000_001,
      2_147_483_648,
      -2_147_483_649,
      12.345,
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(tag<Json>('random number')),
    fc.integer().map(tag<Json>('random integer')),
  );

/** Objects whose keys are `__proto__`, `constructor` or `prototype`, as own keys. */
export function prototypeKeyObject(key: '__proto__' | 'constructor' | 'prototype'): JsonObject {
  const object: JsonObject = {};
  setOwn(object, key, key === 'constructor' ? { prototype: { polluted: true } } : { polluted: true });
  return object;
}

/** Shapes where scalars, objects or arrays were expected: the wrong container, deep nesting, huge arrays. */
const wrongShapes = (): fc.Arbitrary<Tagged<Json>> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: tagged<Json>('empty container', {}, [], [[]], [{}], [null], [[[]]], { '0': {} }),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(1_000, 3_000, 10_000)
        .map((depth) => tag<Json>(`object nested ${depth} deep`)(deepObject(depth))),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(3_000, 10_000)
        .map((depth) => tag<Json>(`array nested ${depth} deep`)(deepArray(depth))),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(1_000, 20_000)
        .map((length) => tag<Json>(`array of ${length} items`)(Array<Json>(length).fill({}))),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('__proto__', 'constructor', 'prototype')
        .map((key) => tag<Json>(`object with a ${key} key`)(prototypeKeyObject(key))),
    },
    {
      weight: 2,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => tag<Json>('random JSON')(value as Json)),
    },
  );

/** Anything a field might be sent instead of a good value. */
export const malformedValue = (): fc.Arbitrary<Tagged<Json>> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(tag<Json>('null')(null)) },
    { weight: 6, arbitrary: hostileStrings() },
    { weight: 3, arbitrary: oddNumbers() },
    { weight: 1, arbitrary: fc.boolean().map(tag<Json>('boolean')) },
    { weight: 4, arbitrary: wrongShapes() },
  );

/** Values of the wrong kind for what the schema says a field is: arrays for objects, objects for arrays, and so on. */
export function typeConfusion(schema: Schema): fc.Arbitrary<Tagged<Json>> {
  if (schema.properties) return tagged<Json>('not an object', [], [[]], [{}], [null], 'x', 1, true, {});
  if (schema.type === 'array')
    return tagged<Json>('not an array', {}, { '0': {} }, 'x', 1, true, [null], [[]], [1], ['x'], [[{}]]);
  if (schema.type === 'string')
    return tagged<Json>('not a string', 1, 0, true, [], ['x'], {}, { toString: 'x' }, [[]]);
  if (schema.type === 'number' || schema.type === 'integer') {
    return tagged<Json>('not a number', '1', 'NaN', true, [], [1], {}, raw('1e309'), raw('-0'), 1.5, -1);
  }
  if (schema.type === 'boolean') return tagged<Json>('not a boolean', 'true', 1, 0, 'false', [], {}, [true]);
  return tagged<Json>('wrong type', [], {}, [[]], 1, 'x', true);
}
