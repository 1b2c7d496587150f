/**
 * JSON as the fuzz suite sends it: ordinary values plus raw fragments that
 * JSON.stringify cannot produce (3000-deep nesting written out directly,
 * `-0`, `1e309`, lone surrogates as `\ud800` escapes, duplicate keys).
 */

export class RawJson {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const raw = (text: string) => new RawJson(text);

export function toJsonText(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${Array.from(value, (item) => toJsonText(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // Object.keys, not for..in: `__proto__` set with setOwn is an own key and is sent as one.
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJsonText(value[key] as Json)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Sets a key as an own property, even `__proto__` (assignment would change the prototype instead). */
export function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps raw fragments as they are. */
export function cloneJson<T extends Json>(value: T): T {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Array.from(value, (item) => cloneJson(item)) as T;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key] as Json));
  return copy as T;
}

/** `{"a":{"a":…{"a":1}…}}` written out, `depth` levels. */
export const deepObject = (depth: number, key = 'a') =>
  raw(`${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`);

/** `[[[…]]]`, `depth` levels. */
export const deepArray = (depth: number) => raw(`${'['.repeat(depth)}${']'.repeat(depth)}`);

/** Shortens a request body or an answer for the failure report. */
export function excerpt(text: string, max = 160): string {
  // Control characters are shown escaped, so the report can be read and the request retyped.
  const printable = Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }).join('');
  return printable.length <= max ? printable : `${printable.slice(0, max)}…(${text.length} chars in all)`;
}
