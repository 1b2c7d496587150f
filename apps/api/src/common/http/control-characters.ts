/**
 * Control characters in text. PostgreSQL refuses NUL outright (22021) and no
 * field of ours means anything by the others, so they are refused at the edge.
 * Multi-line fields (order notes, reasons, comments) may hold line breaks and
 * tabs; every other text is a single line.
 */

/** C0 controls and DEL, except tab, line feed and carriage return: never allowed anywhere. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEVER_ALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Every C0 control and DEL: refused in single-line text (names, codes, SKUs, searches). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_A_LINE = /[\u0000-\u001F\u007F]/;

/** Half of a UTF-16 surrogate pair with no other half: not a character; PostgreSQL would store U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function hasForbiddenControlCharacter(text: string): boolean {
  return NEVER_ALLOWED.test(text);
}

export function hasLineControlCharacter(text: string): boolean {
  return NOT_IN_A_LINE.test(text);
}

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';
export const LONE_SURROGATE_MESSAGE = 'must be valid Unicode text';
export const LINE_BREAK_MESSAGE = 'must be a single line (no line breaks, tabs or control characters)';

/** Why a text may not be stored anywhere (any field, multi-line or not); undefined when it may. */
export function textFault(text: string): string | undefined {
  if (hasForbiddenControlCharacter(text)) return CONTROL_CHARACTER_MESSAGE;
  if (hasLoneSurrogate(text)) return LONE_SURROGATE_MESSAGE;
  return undefined;
}
