import type { OrderPreviewOutcome } from '@tradecounter/contracts';
import { placementOutcomeSentence, placementOutcomeWords } from './placement-outcome';

describe('what placing would do, in words', () => {
  const approval: OrderPreviewOutcome = {
    kind: 'needs_approval',
    status: 'pending_approval',
    orderTotal: '5308.90',
    orderLimit: '5000.00',
    overBy: '308.90',
    approvers: [{ id: 'a', name: 'Ann Approver' }],
  };
  const hold: OrderPreviewOutcome = {
    kind: 'credit_hold',
    status: 'on_hold',
    orderTotal: '200.00',
    creditLimit: '5000.00',
    creditExposure: '4880.00',
    availableCredit: '120.00',
    overBy: '80.00',
  };

  it('tells the buyer their limit, the total, how far over, and their approver', () => {
    expect(placementOutcomeSentence(approval, 'buyer')).toBe(
      'Needs approval: your limit is $5,000.00, this order is $5,308.90 ($308.90 over) — it goes to your approver (Ann Approver).',
    );
  });

  it('names every approver, and says when there is none', () => {
    const two = {
      ...approval,
      approvers: [
        { id: 'a', name: 'Ann' },
        { id: 'b', name: 'Bo' },
      ],
    };
    expect(placementOutcomeWords(two, 'buyer').detail).toContain('your approvers (Ann or Bo)');
    expect(placementOutcomeWords({ ...approval, approvers: [] }, 'buyer').detail).toContain(
      'nobody at your account can approve it yet',
    );
  });

  it('tells the available credit for a credit hold, to buyers and to staff', () => {
    expect(placementOutcomeSentence(hold, 'buyer')).toMatch(
      /^Goes on credit hold: available credit \$120\.00, this order is \$200\.00 — .*your account manager/,
    );
    expect(placementOutcomeWords(hold, 'staff')).toMatchObject({
      tone: 'warn',
      headline: 'Goes on credit hold',
    });
    expect(placementOutcomeWords(hold, 'staff').detail).not.toContain('your');
  });

  it('says a plain order is confirmed on placing', () => {
    const placed: OrderPreviewOutcome = { kind: 'placed', status: 'confirmed', orderTotal: '10.00' };
    expect(placementOutcomeWords(placed, 'staff')).toMatchObject({
      tone: 'ok',
      headline: 'Confirmed on placing',
    });
  });
});
