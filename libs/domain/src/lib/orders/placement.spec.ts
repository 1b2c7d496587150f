import { parseMoney } from '../money';
import { availableCredit, placementDecision } from './placement';

const base = {
  total: parseMoney('500.00'),
  orderLimit: parseMoney('1000.00'),
  placedByApprover: false,
  exposure: parseMoney('2000.00'),
  creditLimit: parseMoney('5000.00'),
};

describe('where a new order starts', () => {
  it('confirms an order within the limit and the credit', () => {
    expect(placementDecision(base)).toEqual({ status: 'confirmed' });
  });

  it('waits for approval above the buyer’s limit, not at it', () => {
    expect(placementDecision({ ...base, total: parseMoney('1000.00') }).status).toBe('confirmed');
    expect(placementDecision({ ...base, total: parseMoney('1000.01') }).status).toBe('pending_approval');
  });

  it('needs no approval for an approver or a buyer without a limit', () => {
    const big = { ...base, total: parseMoney('2500.00') };
    expect(placementDecision({ ...big, placedByApprover: true }).status).toBe('confirmed');
    expect(placementDecision({ ...big, orderLimit: null }).status).toBe('confirmed');
  });

  it('holds an order that takes exposure past the credit limit, and only past it', () => {
    // 2000 + 3000 = 5000: exactly at the limit is fine; a cent more is not.
    expect(placementDecision({ ...base, orderLimit: null, total: parseMoney('3000.00') }).status).toBe(
      'confirmed',
    );
    expect(placementDecision({ ...base, orderLimit: null, total: parseMoney('3000.01') }).status).toBe(
      'on_hold',
    );
  });

  it('asks for approval before it looks at credit', () => {
    expect(placementDecision({ ...base, total: parseMoney('9000.00') }).status).toBe('pending_approval');
  });

  it('reports available credit, never below zero', () => {
    expect(availableCredit(parseMoney('5000.00'), parseMoney('2000.00'))).toBe(parseMoney('3000.00'));
    expect(availableCredit(parseMoney('5000.00'), parseMoney('7000.00'))).toBe(0n);
  });
});
