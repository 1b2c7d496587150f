import type { OrderApprovalFacts } from '@tradecounter/contracts';
import { formatMoneyDisplay } from '../shared/money-format';

/** "$600.00: $100.00 over the $500.00 order limit of Bo Buyer", or what there is to say without a limit. */
export function approvalWords(facts: OrderApprovalFacts): string {
  const who = facts.placedBy ? ` of ${facts.placedBy.name}` : '';
  const total = formatMoneyDisplay(facts.orderTotal);
  if (facts.orderLimit === null || facts.overBy === null) {
    return `This order is ${total}; the buyer who placed it has no order limit now.`;
  }
  const limit = formatMoneyDisplay(facts.orderLimit);
  return facts.overBy === '0.00'
    ? `This order is ${total}, within the ${limit} order limit${who} as it is now.`
    : `This order is ${total}: ${formatMoneyDisplay(facts.overBy)} over the ${limit} order limit${who}.`;
}
