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
  const sku = (lineId: unknown) => lines.find((line) => line.id === lineId)?.sku ?? 'a line';
  if (event.kind === 'received' && Array.isArray(data['lines'])) {
    return (data['lines'] as unknown[])
      .filter(isRecord)
      .map((line) => `${Number(line['quantity'])} × ${sku(line['lineId'])}`)
      .join(', ');
  }
  if (event.kind === 'rescheduled') {
    const from = firstString(data, ['from', 'previousDate', 'oldDate']);
    const to = firstString(data, ['to', 'expectedDate', 'newDate']);
    if (to) return `${sku(data['lineId'])}: ${from ? `${displayDate(from)} → ` : ''}${displayDate(to)}`;
  }
  if (event.kind === 'closed' && Array.isArray(data['lines'])) {
    return (data['lines'] as unknown[])
      .filter(isRecord)
      .map((line) => `${Number(line['quantity'] ?? line['closed'])} × ${sku(line['lineId'])} will not come`)
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
