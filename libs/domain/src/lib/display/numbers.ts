/**
 * Fixed decimals for measured figures (shares, hours, ratings), the same
 * text on the screen and in a CSV: rounded half away from zero after the
 * float noise of a division is dropped (0.8995 stays 0.8995, not
 * 0.89949999…), never "166.89999999999998".
 */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const scale = 10 ** decimals;
  const scaled = Number((Math.abs(value) * scale).toPrecision(12));
  const rounded = Math.round(scaled);
  const text = (rounded / scale).toFixed(decimals);
  return value < 0 && rounded !== 0 ? `-${text}` : text;
}

/** A share from 0 to 1 as a percentage number: 0.8991467950120324 → "89.9". */
export function formatShareNumber(share: number, decimals = 1): string {
  return formatFixed(share * 100, decimals);
}

/** A share as people read it: "89.9%"; "—" when nothing was measured. */
export function formatShareAsPercent(share: number | null, decimals = 1): string {
  return share === null ? '—' : `${formatShareNumber(share, decimals)}%`;
}
