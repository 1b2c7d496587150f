/**
 * A pure function of one key whose answers are remembered, up to `bound`
 * keys, past which the memory starts again. For conversions a request makes
 * thousands of times over a few distinct values (dates, prices): what they
 * answer is unchanged; an input that throws is not remembered.
 */
export function remembered<K, V>(compute: (key: K) => V, bound = 20_000): (key: K) => V {
  const memory = new Map<K, V>();
  return (key: K): V => {
    const known = memory.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (memory.size >= bound) memory.clear();
    memory.set(key, value);
    return value;
  };
}
