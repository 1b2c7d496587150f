import type { OrderStatus, OrderSummary } from '@tradecounter/contracts';
import { availableActions } from './order-action-rules';

const order = (status: OrderStatus, paidAt: string | null = null) => ({ status, paidAt }) as OrderSummary;

describe('availableActions: from the status transitions', () => {
  it('lets approvers approve or reject only what waits for approval', () => {
    expect(availableActions(order('pending_approval'), 'approver')).toEqual(['cancel', 'approve', 'reject']);
    expect(availableActions(order('confirmed'), 'approver')).toEqual(['cancel']);
    expect(availableActions(order('pending_approval'), 'buyer')).toEqual(['cancel']);
  });

  it('lets account managers release a hold, and customers cancel only until picking', () => {
    expect(availableActions(order('on_hold'), 'account_manager')).toEqual(['cancel', 'release-hold']);
    expect(availableActions(order('picking'), 'buyer')).toEqual([]);
    expect(availableActions(order('picking'), 'account_manager')).toEqual(['cancel']);
  });

  it('offers payment while the order counts toward credit and is unpaid', () => {
    expect(availableActions(order('shipped'), 'manager')).toEqual(['mark-paid']);
    expect(availableActions(order('shipped', '2026-12-01T10:00:00Z'), 'manager')).toEqual([]);
    expect(availableActions(order('cancelled'), 'admin')).toEqual([]);
    expect(availableActions(order('rejected'), 'manager')).toEqual([]);
  });

  it('offers nothing without a role, and nothing to the warehouse', () => {
    expect(availableActions(order('pending_approval'), undefined)).toEqual([]);
    expect(availableActions(order('confirmed'), 'warehouse')).toEqual([]);
  });
});
