import type { Cents } from '../money';

/**
 * Reporting arithmetic (domain.md, "Reporting definitions"): SQL counts and
 * sums; these turn the counts into the figures people read, the same way
 * for every report, card and CSV.
 */

/** Net sales ÷ orders, to the cent, halves rounded away from zero; null without orders. */
export function averageOrderValue(netSales: Cents, orders: number): Cents | null {
  if (!Number.isInteger(orders) || orders < 0) throw new RangeError(`Not an order count: ${orders}`);
  if (orders === 0) return null;
  const count = BigInt(orders);
  const negative = netSales < 0n;
  const abs = negative ? -netSales : netSales;
  const rounded = (abs * 2n + count) / (count * 2n);
  return negative ? -rounded : rounded;
}

/** A share from 0 to 1 (on-time, in full, OTIF, fill rate); null when nothing was measured. */
export function share(numerator: number, denominator: number): number | null {
  if (numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new RangeError(`Not a share: ${numerator} of ${denominator}`);
  }
  return denominator === 0 ? null : numerator / denominator;
}

/** This period against the one before: the difference, and the relative change when the earlier one is not 0. */
export interface PeriodChange<T> {
  current: T;
  previous: T;
  difference: T;
  /** (current − previous) ÷ previous; null when previous is 0 or either is missing. */
  relative: number | null;
}

export function periodChange(current: number | null, previous: number | null): PeriodChange<number | null> {
  const difference = current === null || previous === null ? null : current - previous;
  return {
    current,
    previous,
    difference,
    relative:
      difference === null || previous === 0 || previous === null ? null : difference / Math.abs(previous),
  };
}

export function moneyChange(current: Cents, previous: Cents): PeriodChange<Cents> {
  const difference = current - previous;
  return {
    current,
    previous,
    difference,
    relative:
      previous === 0n
        ? null
        : Number((difference * 1_000_000n) / (previous < 0n ? -previous : previous)) / 1_000_000,
  };
}

/**
 * The p-th percentile (0–1) of values counted in a histogram (value → how
 * many), interpolated linearly between the two nearest ranks as SQL's
 * percentile_cont does, so a rollup of counts gives what a direct query of
 * the raw values gives. Null when the histogram is empty.
 */
export function percentileOfHistogram(histogram: ReadonlyMap<number, number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Not a percentile: ${p}`);
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = p * (total - 1);
  const below = Math.floor(rank);
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const [value, count] of buckets) {
      seen += count;
      if (index < seen) return value;
    }
    return buckets[buckets.length - 1]?.[0] ?? 0;
  };
  const low = valueAt(below);
  const high = valueAt(Math.min(below + 1, total - 1));
  return low + (high - low) * (rank - below);
}

/** Mean delivery rating (1–5), to two decimals; null without ratings. */
export function meanRating(sum: number, count: number): number | null {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a rating count: ${count}`);
  return count === 0 ? null : Math.round((sum * 100) / count) / 100;
}
