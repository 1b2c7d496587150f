import { remembered } from './remembered';

describe('remembered', () => {
  it('computes each key once, answers the same, and does not remember what throws', () => {
    const calls: string[] = [];
    const length = remembered((text: string) => {
      calls.push(text);
      if (text === 'bad') throw new RangeError('bad');
      return text.length;
    });
    expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
    expect(() => length('bad')).toThrow(RangeError);
    expect(() => length('bad')).toThrow(RangeError);
    expect(calls).toEqual(['a', 'bb', 'bad', 'bad']);
  });

  it('starts again past its bound, still answering right', () => {
    const calls: number[] = [];
    const double = remembered((n: number) => {
      calls.push(n);
      return n * 2;
    }, 2);
    expect([double(1), double(2), double(3), double(1), double(3)]).toEqual([2, 4, 6, 2, 6]);
    // 3 filled the bound and cleared 1 and 2; 1 is computed again, 3 is still known.
    expect(calls).toEqual([1, 2, 3, 1]);
  });
});
