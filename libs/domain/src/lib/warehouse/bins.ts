/**
 * Bins name where a product is kept: groups of letters and digits separated
 * by '-', aisle first (`A-01-03`). Pickers walk bins in natural order, so
 * `A-2` comes before `A-10`, and products without a bin come last.
 */

export const MAX_BIN_LENGTH = 20;

const BIN_PATTERN = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;

/** The bin as stored (trimmed, upper-cased), null to clear it, or an error message. */
export function normalizeBin(raw: string | null | undefined): { bin: string | null } | { error: string } {
  if (raw === null || raw === undefined) return { bin: null };
  const bin = raw.trim().toUpperCase();
  if (bin === '') return { bin: null };
  if (bin.length > MAX_BIN_LENGTH) return { error: `bin must be at most ${MAX_BIN_LENGTH} characters` };
  if (!BIN_PATTERN.test(bin)) {
    return { error: "bin must be groups of letters and digits separated by '-', like A-01-03" };
  }
  return { bin };
}

/** A bin's aisle: its first segment (`A` for `A-01-03`). */
export function aisleOf(bin: string | null): string | null {
  if (bin === null || bin === '') return null;
  return bin.split('-')[0] ?? null;
}

/** Splits into runs of digits and non-digits: `A-10b` → ['A-', 10, 'b']. */
function chunks(value: string): (string | number)[] {
  return (value.toUpperCase().match(/\d+|\D+/g) ?? []).map((part) =>
    /^\d/.test(part) ? Number(part) : part,
  );
}

/**
 * Natural order of two bins: digit runs compare as numbers, the rest as
 * text; null (no bin) comes last. A total order: ties in natural value
 * (`A-01` and `A-1`) fall back to plain text comparison.
 */
export function compareBins(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string | number;
    const y = right[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    // A number sorts before text at the same place (`A-1` before `A-B`).
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  if (ua !== ub) return ua < ub ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
