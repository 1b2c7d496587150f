import { SALES_QUOTE_STATUSES, type SalesQuoteStatus } from '@tradecounter/contracts';

const STATUS_LABELS: Record<SalesQuoteStatus, string> = {
  requested: 'Requested',
  quoted: 'Quoted',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** What the status means, said on the quote page; the audience changes who acts next. */
const STATUS_EXPLANATIONS: Record<SalesQuoteStatus, { customer: string; staff: string }> = {
  requested: {
    customer: 'Your account manager is preparing prices for this request.',
    staff: 'The customer waits for prices: quote it.',
  },
  quoted: {
    customer: 'Prices are ready. Accept them to place an order, ask for changes, or decline.',
    staff: 'Prices were sent; the customer decides. You may revise them (a new revision).',
  },
  accepted: { customer: 'Accepted: it became an order.', staff: 'Accepted: it became an order.' },
  declined: { customer: 'You declined this quote.', staff: 'The customer declined this quote.' },
  withdrawn: { customer: 'The quote was withdrawn by Tradecounter.', staff: 'The quote was withdrawn.' },
  expired: {
    customer: 'The quoted prices have lapsed. Ask your account manager for a new quote.',
    staff: 'The quoted prices have lapsed: quote it again with a new date.',
  },
};

export const QUOTE_STATUS_OPTIONS: readonly SalesQuoteStatus[] = SALES_QUOTE_STATUSES;

export function quoteStatusLabel(status: SalesQuoteStatus | null): string {
  return status ? STATUS_LABELS[status] : '—';
}

export function quoteStatusExplanation(status: SalesQuoteStatus, staff: boolean): string {
  return STATUS_EXPLANATIONS[status][staff ? 'staff' : 'customer'];
}

/** The colour family of a status chip (always with its words, never colour alone). */
export function quoteStatusTone(status: SalesQuoteStatus): 'wait' | 'ok' | 'move' | 'end' {
  switch (status) {
    case 'requested':
      return 'wait';
    case 'quoted':
      return 'move';
    case 'accepted':
      return 'ok';
    default:
      return 'end';
  }
}
