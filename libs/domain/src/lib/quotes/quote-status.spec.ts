import fc from 'fast-check';
import type { Actor, ActorRole } from '../access';
import {
  isFinalQuoteStatus,
  mayActOnQuote,
  mayRequestQuote,
  nextQuoteStatus,
  QUOTE_ACTIONS,
  QUOTE_STATUSES,
  type QuoteAction,
  revisionToQuote,
} from './quote-status';

const account = { id: 'acc-1', accountManagerId: 'am-1' };
const actor = (role: ActorRole, id = 'u', accountId: string | null = null): Actor => ({
  id,
  role,
  accountId,
});

describe('quote status', () => {
  it('goes requested → quoted → accepted', () => {
    expect(nextQuoteStatus('requested', 'quote')).toBe('quoted');
    expect(nextQuoteStatus('quoted', 'accept')).toBe('accepted');
  });

  it('goes back to requested when the buyer asks for changes, only from quoted', () => {
    expect(nextQuoteStatus('quoted', 'request_changes')).toBe('requested');
    expect(nextQuoteStatus('requested', 'request_changes')).toBeNull();
    expect(nextQuoteStatus('expired', 'request_changes')).toBeNull();
  });

  it('lets staff revise a quoted quote and re-quote an expired one', () => {
    expect(nextQuoteStatus('quoted', 'quote')).toBe('quoted');
    expect(nextQuoteStatus('expired', 'quote')).toBe('quoted');
  });

  it('expires only a quoted quote: declined and withdrawn never turn expired', () => {
    expect(QUOTE_STATUSES.filter((status) => nextQuoteStatus(status, 'expire') !== null)).toEqual(['quoted']);
  });

  it('accepts only a quoted quote', () => {
    expect(QUOTE_STATUSES.filter((status) => nextQuoteStatus(status, 'accept') !== null)).toEqual(['quoted']);
  });

  it('never leaves a final status, whatever the actions (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTE_STATUSES),
        fc.array(fc.constantFrom(...QUOTE_ACTIONS), { maxLength: 30 }),
        (start, actions) => {
          let status = start;
          let final = isFinalQuoteStatus(status) ? status : null;
          for (const action of actions) {
            const next = nextQuoteStatus(status, action);
            if (final !== null) expect(next).toBeNull();
            if (next !== null) status = next;
            if (final === null && isFinalQuoteStatus(status)) final = status;
          }
        },
      ),
    );
  });

  it('reaches accepted only through quoted (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...QUOTE_ACTIONS), { maxLength: 30 }), (actions) => {
        let status: (typeof QUOTE_STATUSES)[number] = 'requested';
        for (const action of actions) {
          const next = nextQuoteStatus(status, action);
          if (next === 'accepted') expect(status).toBe('quoted');
          if (next === 'expired') expect(status).toBe('quoted');
          if (next !== null) status = next;
        }
      }),
    );
  });
});

describe('who may act on a quote', () => {
  const buyer = actor('buyer', 'b', 'acc-1');
  const approver = actor('approver', 'ap', 'acc-1');
  const otherBuyer = actor('buyer', 'ob', 'acc-2');
  const am = actor('account_manager', 'am-1');
  const otherAm = actor('account_manager', 'am-2');
  const admin = actor('admin', 'ad');
  const manager = actor('manager', 'm');
  const warehouse = actor('warehouse', 'w');

  it('lets the account’s own users and its account manager ask for a quote', () => {
    expect(mayRequestQuote(buyer, account)).toBe(true);
    expect(mayRequestQuote(approver, account)).toBe(true);
    expect(mayRequestQuote(am, account)).toBe(true);
    for (const someone of [otherBuyer, otherAm, admin, manager, warehouse])
      expect(mayRequestQuote(someone, account)).toBe(false);
  });

  it('gives pricing and withdrawing to the account manager and admins', () => {
    for (const action of ['quote', 'withdraw'] as QuoteAction[]) {
      expect(mayActOnQuote(am, account, action)).toBe(true);
      expect(mayActOnQuote(admin, account, action)).toBe(true);
      for (const someone of [buyer, approver, otherAm, manager, warehouse])
        expect(mayActOnQuote(someone, account, action)).toBe(false);
    }
  });

  it('gives accepting, asking for changes and declining to the account’s buyers and approvers', () => {
    for (const action of ['accept', 'request_changes', 'decline'] as QuoteAction[]) {
      expect(mayActOnQuote(buyer, account, action)).toBe(true);
      expect(mayActOnQuote(approver, account, action)).toBe(true);
      for (const someone of [otherBuyer, am, admin, manager, warehouse])
        expect(mayActOnQuote(someone, account, action)).toBe(false);
    }
  });

  it('lets no one expire a quote by hand', () => {
    for (const someone of [buyer, am, admin]) expect(mayActOnQuote(someone, account, 'expire')).toBe(false);
  });
});

describe('revisionToQuote', () => {
  it('prices the requested revision 1 in place', () => {
    expect(revisionToQuote({ revision: 1, priced: false })).toEqual({ revision: 1, isNew: false });
  });

  it('writes the next revision once the latest was priced', () => {
    expect(revisionToQuote({ revision: 1, priced: true })).toEqual({ revision: 2, isNew: true });
  });

  it('only ever moves revisions forward by at most one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (revision, priced) => {
        const next = revisionToQuote({ revision, priced });
        expect(next.revision - revision).toBe(priced ? 1 : 0);
        expect(next.isNew).toBe(priced);
      }),
    );
  });
});
