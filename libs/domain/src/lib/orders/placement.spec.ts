import { parseMoney } from '../money';
import { availableCredit, explainPlacement, placementDecision } from './placement';

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

describe('what placing would do, explained', () => {
  it('says placed when the decision confirms', () => {
    expect(explainPlacement(base)).toEqual({ outcome: 'placed', total: parseMoney('500.00') });
  });

  it('gives the limit and how far over it for an order that needs approval', () => {
    expect(
      explainPlacement({ ...base, orderLimit: parseMoney('5000.00'), total: parseMoney('5308.90') }),
    ).toEqual({
      outcome: 'needs_approval',
      total: parseMoney('5308.90'),
      orderLimit: parseMoney('5000.00'),
      overBy: parseMoney('308.90'),
    });
  });

  it('gives the available credit for an order that goes on hold', () => {
    const check = { ...base, orderLimit: null, exposure: parseMoney('4880.00'), total: parseMoney('200.00') };
    expect(explainPlacement(check)).toEqual({
      outcome: 'credit_hold',
      total: parseMoney('200.00'),
      creditLimit: parseMoney('5000.00'),
      exposure: parseMoney('4880.00'),
      availableCredit: parseMoney('120.00'),
      overBy: parseMoney('80.00'),
    });
  });

  it('agrees with the decision in every case', () => {
    const checks = [
      base,
      { ...base, total: parseMoney('1000.01') },
      { ...base, exposure: parseMoney('4600.00') },
    ];
    const statuses = { placed: 'confirmed', needs_approval: 'pending_approval', credit_hold: 'on_hold' };
    for (const check of checks) {
      expect(statuses[explainPlacement(check).outcome]).toBe(placementDecision(check).status);
    }
  });
});
