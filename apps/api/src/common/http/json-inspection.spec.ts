import { inspectJson, MAX_JSON_DEPTH } from './json-inspection';

/** Nests `depth` objects: depth 1 is `{ a: leaf }`. */
function nested(depth: number, leaf: unknown = 'x'): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('inspectJson', () => {
  it('accepts ordinary bodies, including arrays of objects and tabs or line breaks in text', () => {
    expect(
      inspectJson({ name: 'x', lines: [{ productId: 'p', quantity: 2 }], notes: 'a\r\n\tb' }),
    ).toBeUndefined();
    expect(inspectJson(undefined)).toBeUndefined();
    expect(inspectJson([1, 'two', null, true])).toBeUndefined();
  });

  it(`allows ${MAX_JSON_DEPTH} levels of nesting and refuses one more, naming the field`, () => {
    expect(inspectJson(nested(MAX_JSON_DEPTH))).toBeUndefined();
    const fault = inspectJson({ email: nested(MAX_JSON_DEPTH) });
    expect(fault?.field).toMatch(/^email(\.a)+$/);
    expect(fault?.message).toContain(`deeper than the ${MAX_JSON_DEPTH} levels`);
  });

  it('walks a hostile depth without exhausting the stack', () => {
    let deep: unknown = [];
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(inspectJson({ email: deep })?.message).toContain('deeper');
  });

  it('refuses prototype keys as unknown fields', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = JSON.parse(`{"name":"x","lines":[{"${key}":{"admin":true}}]}`) as unknown;
      expect(inspectJson(body)).toEqual({ field: `lines[0].${key}`, message: 'is not a known field' });
    }
  });

  it('refuses NUL and other control characters in values and keys, naming the field', () => {
    expect(inspectJson({ address: { line1: 'abc\u0000def' } })).toEqual({
      field: 'address.line1',
      message: 'must not contain control characters',
    });
    expect(inspectJson({ lines: [{ sku: 'A\u001bB' }] })?.field).toBe('lines[0].sku');
    expect(inspectJson({ name: 'x\u007f' })?.field).toBe('name');
    expect(inspectJson({ 'na\u0000me': 'x' })?.message).toBe('is not a known field');
  });

  it('refuses a lone surrogate, which PostgreSQL would silently replace', () => {
    expect(inspectJson({ name: 'x\ud800' })).toEqual({
      field: 'name',
      message: 'must be valid Unicode text',
    });
  });

  it('reports the first fault in document order', () => {
    expect(inspectJson({ a: 'ok', b: '\u0000', c: '\u0000' })?.field).toBe('b');
  });
});
