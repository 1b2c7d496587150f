import { DocumentCache } from './document-cache';

describe('DocumentCache', () => {
  const bytes = (n: number) => Buffer.alloc(n, 1);

  it('keeps entries within the byte budget, dropping the least recently used first', () => {
    const cache = new DocumentCache(100);
    cache.set('a', bytes(20));
    cache.set('b', bytes(20));
    cache.set('c', bytes(20));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('d', bytes(25));
    cache.set('e', bytes(25)); // 110 bytes: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
  });

  it('replacing a key counts its bytes once, and a document over a quarter of the budget is not kept', () => {
    const cache = new DocumentCache(100);
    cache.set('a', bytes(20));
    cache.set('a', bytes(10));
    expect(cache.size).toEqual({ entries: 1, bytes: 10 });
    cache.set('big', bytes(26));
    expect(cache.get('big')).toBeUndefined();
  });

  it('keeps nothing with a budget of 0', () => {
    const cache = new DocumentCache(0);
    cache.set('a', bytes(1));
    expect(cache.get('a')).toBeUndefined();
  });
});
