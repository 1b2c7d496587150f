import type { PurchaseOrderEvent, PurchaseOrderLine } from '@tradecounter/contracts';
import { eventDetail } from './purchase-order-events';

const lines = [
  { id: 'l1', sku: 'BOLT-1' },
  { id: 'l2', sku: 'NUT-2' },
] as PurchaseOrderLine[];

function event(kind: string, data: Record<string, unknown> | null): PurchaseOrderEvent {
  return { at: '2026-12-03T10:00:00Z', by: null, kind, reason: null, data };
}

describe('a purchase order event in one line', () => {
  it('lists a receipt’s units per line, by the SKU the event names or its line', () => {
    expect(
      eventDetail(
        event('received', {
          lines: [
            { lineId: 'l1', lineNo: 1, sku: 'BOLT-1', quantity: 4 },
            { lineId: 'l2', quantity: 2 },
          ],
        }),
        lines,
      ),
    ).toBe('4 × BOLT-1, 2 × NUT-2');
  });

  it('says which line moved and between which dates', () => {
    expect(
      eventDetail(
        event('rescheduled', { lineId: 'l2', sku: 'NUT-2', from: '2026-12-10', to: '2026-12-17' }),
        lines,
      ),
    ).toMatch(/^NUT-2: .*10.* → .*17/);
  });

  it('lists the units closed short, and says nothing of other events or unknown shapes', () => {
    expect(eventDetail(event('closed', { lines: [{ lineId: 'l1', sku: 'BOLT-1', closed: 6 }] }), lines)).toBe(
      '6 × BOLT-1 will not come',
    );
    expect(eventDetail(event('sent', { lines: [] }), lines)).toBe('');
    expect(eventDetail(event('rescheduled', { what: 1 }), lines)).toBe('');
    expect(eventDetail(event('created', null), lines)).toBe('');
  });
});
