import {
  hasForbiddenControlCharacter,
  hasLineControlCharacter,
  hasLoneSurrogate,
} from './control-characters';

describe('control characters', () => {
  const c0 = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code));

  it('never allows NUL, other C0 controls or DEL; tab, LF and CR are text', () => {
    const refused = [...c0, '\u007f'].filter(hasForbiddenControlCharacter);
    expect(refused).toHaveLength(30);
    expect(['\t', '\n', '\r'].some(hasForbiddenControlCharacter)).toBe(false);
  });

  it('refuses every C0 control and DEL in a single line', () => {
    expect([...c0, '\u007f'].every(hasLineControlCharacter)).toBe(true);
  });

  it('accepts printable text in any script, emoji included', () => {
    for (const text of ['Ærøskøbing 5 €', 'Łódź', '東京都', 'naïve — “quoted”', '🚚 pallet']) {
      expect(hasForbiddenControlCharacter(text) || hasLineControlCharacter(text)).toBe(false);
    }
  });

  it('finds a half surrogate pair alone, not a whole one', () => {
    expect(hasLoneSurrogate('a\ud800')).toBe(true);
    expect(hasLoneSurrogate('\udc00b')).toBe(true);
    expect(hasLoneSurrogate('\udc00\ud800')).toBe(true);
    expect(hasLoneSurrogate('🚚 \ud83d\ude9a')).toBe(false);
  });
});
