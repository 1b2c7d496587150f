import { winAnsiText } from './win-ansi-text';

describe('text for the standard PDF fonts', () => {
  it('keeps Latin text, accents, the euro sign, typographic quotes, dashes and line breaks', () => {
    expect(winAnsiText('Café “Crème” – €5 — Größe ’\nÑ')).toBe('Café “Crème” – €5 — Größe ’\nÑ');
  });

  it('replaces what the fonts cannot draw, visibly', () => {
    expect(winAnsiText('A → B')).toBe('A -> B');
    expect(winAnsiText('漢字 bolt')).toBe('?? bolt');
    expect(winAnsiText('tab\there')).toBe('tab here');
  });
});
