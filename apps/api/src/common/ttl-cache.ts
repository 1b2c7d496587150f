/**
 * A small in-process cache whose entries expire after a fixed time. Used
 * where a value is read on nearly every request but changes rarely. Changes
 * evict entries in every API process (ChangeNotices); `ttlMs` bounds how
 * stale an entry can be should a notice be missed (the LISTEN connection
 * down).
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  /** Bumped by every eviction, so a load that raced a change is not kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V, now = Date.now()): void {
    // Bounded, not LRU: a full cache starts over, which is cheap and rare.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  /**
   * The cached value, else `load`'s, which is kept unless it is undefined or
   * an eviction came while it loaded: it may have read the row before a
   * change committed, and the change's notice found nothing to evict yet.
   */
  async getOrLoad(key: K, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation) this.set(key, value);
    return value;
  }

  evict(key: K): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
