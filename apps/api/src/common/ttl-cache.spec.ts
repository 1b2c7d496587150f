import { TtlCache } from './ttl-cache';

describe('TtlCache.getOrLoad', () => {
  it('keeps a loaded value and answers from it next time', async () => {
    const cache = new TtlCache<string, number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('does not keep a value whose load an eviction overtook: it may predate the change', async () => {
    const cache = new TtlCache<string, string>(1_000);
    let finish: (value: string) => void = () => undefined;
    const loading = cache.getOrLoad('k', () => new Promise<string>((resolve) => (finish = resolve)));
    // The change's notice arrives while the old row is on its way.
    cache.evict('k');
    finish('old');
    expect(await loading).toBe('old');
    expect(cache.get('k')).toBeUndefined();
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('new');
    expect(cache.get('k')).toBe('new');
  });

  it('keeps nothing for undefined', async () => {
    const cache = new TtlCache<string, string>(1_000);
    expect(await cache.getOrLoad('k', async () => undefined)).toBeUndefined();
    expect(cache.get('k')).toBeUndefined();
  });
});
