import type { OrderApprovalFacts } from '@tradecounter/contracts';
import { approvalWords } from './approval-words';

describe('how far over the limit, in words', () => {
  const facts: OrderApprovalFacts = {
    orderId: 'o',
    status: 'pending_approval',
    orderTotal: '5308.90',
    orderLimit: '5000.00',
    overBy: '308.90',
    placedBy: { id: 'u', name: 'Bo Buyer' },
  };

  it('says the total, how far over, and whose limit', () => {
    expect(approvalWords(facts)).toBe(
      'This order is $5,308.90: $308.90 over the $5,000.00 order limit of Bo Buyer.',
    );
  });

  it('says when the limit is gone or has grown since', () => {
    expect(approvalWords({ ...facts, orderLimit: null, overBy: null })).toContain('no order limit now');
    expect(approvalWords({ ...facts, orderLimit: '6000.00', overBy: '0.00' })).toContain('within');
  });
});
