/*
 * The PDF's standard fonts (Helvetica) carry the Windows-1252 ("WinAnsi")
 * characters only: Latin letters with their accents, the euro and pound
 * signs, typographic quotes and dashes. Anything else (an arrow, a CJK
 * product name) would be drawn as a wrong glyph without a word of warning,
 * so it is replaced here, visibly, before it reaches the page.
 */

/** The characters Windows-1252 puts at 0x80–0x9F (the rest of it is Latin-1). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '×': 'x',
  '\t': ' ',
};

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** The text with every character the standard fonts cannot draw replaced ("?" unless a readable stand-in exists). */
export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '\n' || drawable(char)) out += char;
    else out += REPLACEMENTS[char] ?? '?';
  }
  return out;
}
