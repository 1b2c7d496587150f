import type { OpenOrderLine } from '@tradecounter/contracts';
import { openOrders } from './open-orders';

const line = (
  orderNumber: string,
  open: number,
  date: string,
  status: OpenOrderLine['status'] = 'confirmed',
) =>
  ({
    orderId: `id-${orderNumber}`,
    orderNumber,
    orderLineId: `${orderNumber}-${open}-${date}`,
    productId: 'p',
    sku: 'SKU',
    name: 'Widget',
    ordered: open,
    shipped: 0,
    open,
    currentPromisedDate: date,
    status,
  }) satisfies OpenOrderLine;

describe('openOrders', () => {
  it('folds lines into their orders: lines, units and the earliest promise, earliest order first', () => {
    expect(
      openOrders([
        line('SO-2', 3, '2026-12-08', 'picking'),
        line('SO-1', 1, '2026-12-09'),
        line('SO-2', 5, '2026-12-20', 'picking'),
        line('SO-1', 2, '2026-12-07'),
      ]),
    ).toEqual([
      {
        orderId: 'id-SO-1',
        orderNumber: 'SO-1',
        status: 'confirmed',
        lines: 2,
        units: 3,
        nextDelivery: '2026-12-07',
      },
      {
        orderId: 'id-SO-2',
        orderNumber: 'SO-2',
        status: 'picking',
        lines: 2,
        units: 8,
        nextDelivery: '2026-12-08',
      },
    ]);
  });

  it('has no orders without lines', () => {
    expect(openOrders([])).toEqual([]);
  });
});
