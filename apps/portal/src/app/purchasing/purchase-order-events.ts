import type { PurchaseOrderEvent, PurchaseOrderLine } from '@tradecounter/contracts';
import { displayDate } from '../shared/date-format';

/**
 * The one-line detail of a purchase order event, read from its `data`:
 * a receipt's units per line ("6 × BOLT-1, 2 × NUT-3"), a reschedule's line
 * and dates ("BOLT-1: 3 Dec 2026 → 10 Dec 2026"). Unknown shapes say nothing.
 */
export function eventDetail(event: PurchaseOrderEvent, lines: readonly PurchaseOrderLine[]): string {
  const data = event.data;
  if (!data) return '';
  /** The event names the line's SKU; older shapes only its id. */
  const sku = (of: Record<string, unknown>) =>
    typeof of['sku'] === 'string'
      ? of['sku']
      : (lines.find((line) => line.id === of['lineId'])?.sku ?? 'a line');
  if (event.kind === 'received' && Array.isArray(data['lines'])) {
    return (data['lines'] as unknown[])
      .filter(isRecord)
      .map((line) => `${Number(line['quantity'])} × ${sku(line)}`)
      .join(', ');
  }
  if (event.kind === 'rescheduled') {
    const from = firstString(data, ['from', 'previousDate', 'oldDate']);
    const to = firstString(data, ['to', 'expectedDate', 'newDate']);
    if (to) return `${sku(data)}: ${from ? `${displayDate(from)} → ` : ''}${displayDate(to)}`;
  }
  if (event.kind === 'closed' && Array.isArray(data['lines'])) {
    return (data['lines'] as unknown[])
      .filter(isRecord)
      .map((line) => `${Number(line['quantity'] ?? line['closed'])} × ${sku(line)} will not come`)
      .join(', ');
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function firstString(data: Record<string, unknown>, keys: string[]): string {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value) return value;
  }
  return '';
}
