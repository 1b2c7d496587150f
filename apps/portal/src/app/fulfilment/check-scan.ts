import type { CheckOrderRequest, OrderCheckLine } from '@tradecounter/contracts';

/**
 * What a scan or typed code names: a line's SKU when it matches one (case and
 * spaces aside), else a barcode for the API to look up (unit or case).
 */
export function scanRequest(
  code: string,
  quantity: number,
  lines: readonly OrderCheckLine[],
): CheckOrderRequest['lines'][number] {
  const typed = code.trim();
  const line = lines.find((l) => l.sku.toLowerCase() === typed.toLowerCase());
  return line ? { sku: line.sku, quantity } : { barcode: typed, quantity };
}

/** Lines still to confirm, as words for the hint beside a disabled Pack. */
export function remainingText(lines: readonly OrderCheckLine[]): string {
  const open = lines.filter((l) => !l.done);
  if (!open.length) return '';
  const units = open.reduce((sum, l) => sum + Math.max(l.expected - l.confirmed, 0), 0);
  return `${open.length} ${open.length === 1 ? 'line' : 'lines'} (${units} ${units === 1 ? 'unit' : 'units'}) still to check`;
}
