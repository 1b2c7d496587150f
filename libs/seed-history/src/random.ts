/**
 * A small, fast, seedable PRNG (sfc32 seeded through splitmix32) and the
 * draws the history generator needs. The same seed gives the same sequence
 * on every machine and Node version: only 32-bit integer arithmetic.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list');
    return item;
  }

  /** Exponentially distributed with this mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Roughly normal (sum of four uniforms), mean 0, standard deviation 1. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }

  /**
   * A version-4-shaped UUID whose bits all come from this generator, or,
   * given a time, whose first 48 bits are that time in milliseconds (as in
   * UUIDv7, still shaped as v4): rows written in time order then append to
   * their primary-key and foreign-key indexes instead of landing at random
   * pages, which keeps bulk loads fast.
   */
  uuid(timeMs?: number): string {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const high = timeMs === undefined ? this.uint32() : Math.floor(timeMs / 65536) >>> 0;
    const mid = timeMs === undefined ? this.uint32() >>> 16 : timeMs % 65536;
    const version = 0x4000 | (this.uint32() & 0x0fff);
    const variant = 0x8000 | (this.uint32() & 0x3fff);
    return `${hex(high, 8)}-${hex(mid, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(this.uint32() & 0xffff, 4)}${hex(this.uint32(), 8)}`;
  }

  /** A child generator for a sub-stream, so adding draws in one place does not shift another's. */
  fork(): Random {
    return new Random(this.uint32());
  }
}

/** Picks an index with probability proportional to its weight (binary search over cumulative weights). */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new RangeError('A weighted picker needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, index) => {
      sum += Math.max(0, weight);
      this.cumulative[index] = sum;
    });
    if (sum <= 0) throw new RangeError('A weighted picker needs a positive weight');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  pick(random: Random): number {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** Zipf-like weights for ranks 1..n: 1 / rank^exponent. */
export function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, index) => 1 / Math.pow(index + 1, exponent));
}

/** Pareto-distributed weights (shape alpha; 1.16 gives the 80/20 rule), largest first. */
export function paretoWeights(random: Random, n: number, alpha = 1.16): number[] {
  return Array.from({ length: n }, () => Math.pow(1 - random.next(), -1 / alpha)).sort((x, y) => y - x);
}

/** A deterministic shuffle (Fisher–Yates) of a copy. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const tmp = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = tmp;
  }
  return copy;
}
