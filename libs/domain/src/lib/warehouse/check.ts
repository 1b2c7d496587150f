/**
 * The check step before packing: each scan names a SKU, a product barcode
 * or a case barcode (which counts its qty), scans of one line add up, and
 * confirmed units may never exceed what the line expects.
 */

export interface CheckableLine {
  orderLineId: string;
  productId: string;
  sku: string;
  /** Units this check expects: reserved and not yet shipped. */
  expected: number;
  confirmed: number;
}

/** What a code names in the catalog. */
export interface CodeMatch {
  productId: string;
  sku: string;
  /** Units one scan counts: 1 for a SKU or barcode, the case's qty for a case barcode. */
  unitsPerScan: number;
}

export type CheckScanResult =
  { ok: true; orderLineId: string; units: number } | { ok: false; message: string };

/**
 * Applies one scan (code × quantity) to the lines: the units go to the
 * product's first line with room. Refused with a message when the code is
 * unknown, names a product not on the order (or nothing left to check), or
 * would confirm more than expected.
 */
export function applyScan(
  lines: readonly CheckableLine[],
  code: string,
  match: CodeMatch | null,
  quantity: number,
): CheckScanResult {
  if (!match) return { ok: false, message: `${code} is not a SKU, barcode or case barcode we know` };
  const ofProduct = lines.filter((line) => line.productId === match.productId && line.expected > 0);
  if (ofProduct.length === 0) {
    return {
      ok: false,
      message: `${code} is ${match.sku}, which is not on this order (or has nothing to check)`,
    };
  }
  const units = quantity * match.unitsPerScan;
  const line = ofProduct.find((candidate) => candidate.expected - candidate.confirmed >= units);
  if (!line) {
    const left = ofProduct.reduce((sum, candidate) => sum + candidate.expected - candidate.confirmed, 0);
    return {
      ok: false,
      message:
        `${units} unit${units === 1 ? '' : 's'} of ${match.sku} would be more than expected: ` +
        `${left} left to confirm`,
    };
  }
  return { ok: true, orderLineId: line.orderLineId, units };
}

/** Complete when every line with units to check is confirmed in full (and there is one). */
export function checkComplete(lines: readonly CheckableLine[]): boolean {
  const due = lines.filter((line) => line.expected > 0);
  return due.length > 0 && due.every((line) => line.confirmed >= line.expected);
}
