import type { PurchaseOrderLine, ReceivePurchaseOrderRequest } from '@tradecounter/contracts';

/** Units counted so far in this receipt, per purchase order line id. */
export type ReceivingNow = Readonly<Record<string, number>>;

export type ScanOutcome =
  { ok: true; now: ReceivingNow; line: PurchaseOrderLine; quantity: number } | { ok: false; message: string };

/** A scanned or typed code as compared: scanners add spaces or send lower case. */
function normalized(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Adds a scan to the receipt being counted. The code is the product's SKU or
 * the supplier's SKU; when several open lines carry it (one per warehouse),
 * the units go to the first line that still has room, else to the first.
 * Scans of one line add up. Going over the open quantity is left to the API,
 * which allows the admin's tolerance and answers 409 beyond it.
 */
export function addScan(
  lines: readonly PurchaseOrderLine[],
  now: ReceivingNow,
  code: string,
  quantity: number,
): ScanOutcome {
  const wanted = normalized(code);
  if (!wanted) return { ok: false, message: 'Scan or type a SKU first.' };
  if (!Number.isInteger(quantity) || quantity < 1) {
    return { ok: false, message: 'The quantity must be a whole number of at least 1.' };
  }
  const matching = lines.filter(
    (line) =>
      normalized(line.sku) === wanted || (line.supplierSku && normalized(line.supplierSku) === wanted),
  );
  if (matching.length === 0) {
    return { ok: false, message: `${code.trim()} is not on this purchase order.` };
  }
  const open = matching.filter((line) => line.open > 0);
  if (open.length === 0) {
    return { ok: false, message: `${matching[0].sku} has nothing left to receive on this purchase order.` };
  }
  const line = open.find((candidate) => (now[candidate.id] ?? 0) < candidate.open) ?? open[0];
  return { ok: true, now: { ...now, [line.id]: (now[line.id] ?? 0) + quantity }, line, quantity };
}

/** Sets a line's count as typed in the table (0 or empty removes it). */
export function setCount(now: ReceivingNow, lineId: string, quantity: number): ReceivingNow {
  const next = { ...now };
  if (Number.isInteger(quantity) && quantity > 0) next[lineId] = quantity;
  else delete next[lineId];
  return next;
}

/** Units counted beyond what is still open on the line (the API decides whether the tolerance allows them). */
export function overOpen(line: PurchaseOrderLine, now: ReceivingNow): number {
  return Math.max(0, (now[line.id] ?? 0) - line.open);
}

export function countedUnits(now: ReceivingNow): number {
  return Object.values(now).reduce((sum, quantity) => sum + quantity, 0);
}

/** The receipt to post, in the order's line order; nothing for lines not counted. */
export function receiptRequest(
  lines: readonly PurchaseOrderLine[],
  now: ReceivingNow,
): ReceivePurchaseOrderRequest {
  return {
    lines: lines
      .filter((line) => (now[line.id] ?? 0) > 0)
      .map((line) => ({ lineId: line.id, quantity: now[line.id] })),
  };
}
