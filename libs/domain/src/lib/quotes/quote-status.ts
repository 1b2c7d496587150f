import { type Actor, isCustomerActor } from '../access';

/**
 * A sales quote's life, as domain.md "Sales quotes" states it:
 *
 *   requested ──quote──▶ quoted ──accept──▶ accepted
 *       ▲                  │ │ └─decline──▶ declined
 *       └─request_changes──┘ └─withdraw──▶ withdrawn
 *                          │
 *                          └─expire──▶ expired ──quote (re-quote)──▶ quoted
 *
 * A `quoted` quote may be quoted again (a revision). A `requested` quote may
 * also be declined by the buyer or withdrawn by staff. `declined`,
 * `withdrawn` and `accepted` are final: nothing, not even time, moves them.
 */
export const QUOTE_STATUSES = [
  'requested',
  'quoted',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_ACTIONS = ['quote', 'request_changes', 'accept', 'decline', 'withdraw', 'expire'] as const;
export type QuoteAction = (typeof QUOTE_ACTIONS)[number];

const TRANSITIONS: Record<QuoteAction, Partial<Record<QuoteStatus, QuoteStatus>>> = {
  quote: { requested: 'quoted', quoted: 'quoted', expired: 'quoted' },
  request_changes: { quoted: 'requested' },
  accept: { quoted: 'accepted' },
  decline: { requested: 'declined', quoted: 'declined' },
  withdraw: { requested: 'withdrawn', quoted: 'withdrawn' },
  expire: { quoted: 'expired' },
};

/** The status `action` leads to from `from`, or null when the action does not apply. */
export function nextQuoteStatus(from: QuoteStatus, action: QuoteAction): QuoteStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

/** No action leaves these. */
export function isFinalQuoteStatus(status: QuoteStatus): boolean {
  return status === 'accepted' || status === 'declined' || status === 'withdrawn';
}

/** The account a quote is for, with who manages it. */
export interface QuoteAccount {
  id: string;
  accountManagerId: string | null;
}

/** Who may ask for a quote for `account`: its own customer users, and its account manager. */
export function mayRequestQuote(actor: Actor, account: QuoteAccount): boolean {
  if (isCustomerActor(actor)) return actor.accountId === account.id;
  return actor.role === 'account_manager' && account.accountManagerId === actor.id;
}

/**
 * Who may take `action` on a quote of `account` (the status decides whether
 * it applies: see nextQuoteStatus). Pricing and withdrawing are the seller's
 * (the account's manager, or an admin); accepting, asking for changes and
 * declining are the buyer's (the account's buyers and approvers). Expiry is
 * the clock's: no one takes it.
 */
export function mayActOnQuote(actor: Actor, account: QuoteAccount, action: QuoteAction): boolean {
  switch (action) {
    case 'quote':
    case 'withdraw':
      return (
        actor.role === 'admin' || (actor.role === 'account_manager' && account.accountManagerId === actor.id)
      );
    case 'accept':
    case 'request_changes':
    case 'decline':
      return isCustomerActor(actor) && actor.accountId === account.id;
    case 'expire':
      return false;
  }
}

/**
 * The revision a quoting writes. The first quoting prices revision 1, the
 * one the request made. Once a revision has been priced it is kept as it
 * was: quoting again (a revision of a `quoted` quote, the answer to a request
 * for changes, a re-quote of an `expired` one) writes the next revision.
 */
export function revisionToQuote(latest: { revision: number; priced: boolean }): {
  revision: number;
  isNew: boolean;
} {
  return latest.priced
    ? { revision: latest.revision + 1, isNew: true }
    : { revision: latest.revision, isNew: false };
}
