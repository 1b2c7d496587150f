import type { OrderPreviewOutcome } from '@tradecounter/contracts';
import { formatMoneyDisplay } from '../shared/money-format';

/** Who reads the outcome: the buyer placing for their own account, or staff placing a phone order. */
export type OutcomeAudience = 'buyer' | 'staff';

/** What placing would do, in words: a short headline and what follows it (lower case, after a colon). */
export interface OutcomeWords {
  tone: 'ok' | 'warn';
  headline: string;
  detail: string;
}

/**
 * The dry run's outcome as the cart, the checkout review and the phone order
 * say it before the click, e.g. "Needs approval: your limit is $5,000.00,
 * this order is $5,308.90 — it goes to your approver (Ann Approver)".
 */
export function placementOutcomeWords(outcome: OrderPreviewOutcome, audience: OutcomeAudience): OutcomeWords {
  const money = (value: string) => formatMoneyDisplay(value);
  switch (outcome.kind) {
    case 'placed':
      return {
        tone: 'ok',
        headline: 'Confirmed on placing',
        detail:
          audience === 'buyer'
            ? 'the order is within your limit and your available credit.'
            : 'the order is within the account’s available credit.',
      };
    case 'needs_approval': {
      const limit = audience === 'buyer' ? 'your limit' : 'the buyer’s limit';
      return {
        tone: 'warn',
        headline: 'Needs approval',
        detail:
          `${limit} is ${money(outcome.orderLimit)}, this order is ` +
          `${money(outcome.orderTotal)} (${money(outcome.overBy)} over) — ${approverWords(outcome.approvers, audience)}`,
      };
    }
    case 'credit_hold':
      return {
        tone: 'warn',
        headline: 'Goes on credit hold',
        detail:
          `available credit ${money(outcome.availableCredit)}, this order is ${money(outcome.orderTotal)} — ` +
          (audience === 'buyer'
            ? 'it is placed with its stock reserved and waits until your account manager releases the hold.'
            : 'it is placed with its stock reserved and waits until the hold is released.'),
      };
  }
}

/** One line for a screen reader and for tests: "Needs approval: your limit is …". */
export function placementOutcomeSentence(outcome: OrderPreviewOutcome, audience: OutcomeAudience): string {
  const words = placementOutcomeWords(outcome, audience);
  return `${words.headline}: ${words.detail}`;
}

function approverWords(approvers: { name: string }[], audience: OutcomeAudience): string {
  const whose = audience === 'buyer' ? 'your' : 'the account’s';
  if (approvers.length === 0) {
    return audience === 'buyer'
      ? 'nobody at your account can approve it yet: ask your account manager.'
      : 'the account has no approver yet: add one before the order can be approved.';
  }
  const names = approvers.map((approver) => approver.name);
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `it goes to ${whose} ${names.length === 1 ? 'approver' : 'approvers'} (${listed}).`;
}
