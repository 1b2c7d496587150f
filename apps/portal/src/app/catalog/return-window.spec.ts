import { returnWindowChoice, returnWindowDays, returnWindowLabel } from './return-window';

describe('returnWindowLabel', () => {
  it('names the default, not returnable and an own window', () => {
    expect(returnWindowLabel(null, 30)).toBe('30 days (default)');
    expect(returnWindowLabel(undefined, 14)).toBe('14 days (default)');
    expect(returnWindowLabel(0, 30)).toBe('Not returnable');
    expect(returnWindowLabel(60, 30)).toBe('60 days');
    expect(returnWindowLabel(1, 30)).toBe('1 day');
  });
});

describe('returnWindowChoice and returnWindowDays', () => {
  it('round-trips every stored value', () => {
    for (const stored of [null, 0, 1, 30, 60]) {
      const choice = returnWindowChoice(stored);
      expect(returnWindowDays(choice, stored ?? 30)).toBe(stored);
    }
  });

  it('ignores the typed days unless the choice is an own window', () => {
    expect(returnWindowDays('default', 45)).toBeNull();
    expect(returnWindowDays('none', 45)).toBe(0);
    expect(returnWindowDays('days', 45)).toBe(45);
  });
});
