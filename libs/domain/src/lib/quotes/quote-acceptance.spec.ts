import fc from 'fast-check';
import { addCalendarDays } from '../availability/calendar';
import { QUOTE_STATUSES } from './quote-status';
import { acceptedLinePrice, acceptQuote, type AcceptanceFacts, quoteStatusOn } from './quote-acceptance';

const quoted: AcceptanceFacts = {
  status: 'quoted',
  latestRevision: 2,
  validUntil: '2027-01-31',
  lineIds: ['l1', 'l2', 'l3'],
};

describe('quoteStatusOn', () => {
  it('reads a quoted quote past its date as expired', () => {
    expect(quoteStatusOn('quoted', '2027-01-31', '2027-01-31')).toBe('quoted');
    expect(quoteStatusOn('quoted', '2027-01-31', '2027-02-01')).toBe('expired');
  });

  it('never expires anything but quoted (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTE_STATUSES),
        fc.integer({ min: -400, max: 400 }),
        (status, offset) => {
          const read = quoteStatusOn(status, '2027-06-15', addCalendarDays('2027-06-15', offset));
          if (status !== 'quoted') expect(read).toBe(status);
          else expect(read).toBe(offset > 0 ? 'expired' : 'quoted');
        },
      ),
    );
  });
});

describe('acceptQuote', () => {
  it('accepts every line of the latest revision by default', () => {
    expect(acceptQuote(quoted, { revision: 2 }, '2027-01-31')).toEqual({
      ok: true,
      lineIds: ['l1', 'l2', 'l3'],
    });
  });

  it('accepts a subset, in the quote’s order', () => {
    expect(acceptQuote(quoted, { revision: 2, lineIds: ['l3', 'l1'] }, '2027-01-31')).toEqual({
      ok: true,
      lineIds: ['l1', 'l3'],
    });
  });

  it('refuses an older revision, past validUntil, an unquoted or accepted quote, unknown or no lines', () => {
    expect(acceptQuote(quoted, { revision: 1 }, '2027-01-20')).toEqual({
      ok: false,
      refusal: { kind: 'stale_revision', latestRevision: 2 },
    });
    expect(acceptQuote(quoted, { revision: 2 }, '2027-02-01')).toEqual({
      ok: false,
      refusal: { kind: 'expired', validUntil: '2027-01-31' },
    });
    expect(acceptQuote({ ...quoted, status: 'requested' }, { revision: 2 }, '2027-01-20')).toEqual({
      ok: false,
      refusal: { kind: 'not_quoted', status: 'requested' },
    });
    expect(acceptQuote({ ...quoted, status: 'accepted' }, { revision: 2 }, '2027-01-20')).toEqual({
      ok: false,
      refusal: { kind: 'already_accepted' },
    });
    expect(acceptQuote(quoted, { revision: 2, lineIds: ['l1', 'zz'] }, '2027-01-20')).toEqual({
      ok: false,
      refusal: { kind: 'unknown_lines', lineIds: ['zz'] },
    });
    expect(acceptQuote(quoted, { revision: 2, lineIds: [] }, '2027-01-20')).toEqual({
      ok: false,
      refusal: { kind: 'no_lines' },
    });
  });

  it('accepts only what the revision holds, only while valid (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTE_STATUSES),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -10, max: 10 }),
        fc.option(fc.subarray(['l1', 'l2', 'l3', 'x9'])),
        (status, revision, dayOffset, lineIds) => {
          const today = addCalendarDays('2027-01-31', dayOffset);
          const result = acceptQuote(
            { ...quoted, status },
            { revision, lineIds: lineIds ?? undefined },
            today,
          );
          if (!result.ok) return;
          expect(status).toBe('quoted');
          expect(revision).toBe(2);
          expect(today <= '2027-01-31').toBe(true);
          expect(result.lineIds.length).toBeGreaterThan(0);
          for (const id of result.lineIds) expect(quoted.lineIds).toContain(id);
        },
      ),
    );
  });
});

describe('acceptedLinePrice', () => {
  it('takes the quoted price, source quote, while the quote holds', () => {
    expect(acceptedLinePrice(1250n, 4, '2027-01-31', '2027-01-31')).toEqual({
      unitPrice: 1250n,
      lineTotal: 5000n,
      source: 'quote',
    });
  });

  it('has no quoted price once validUntil has passed', () => {
    expect(acceptedLinePrice(1250n, 4, '2027-01-31', '2027-02-01')).toBeNull();
  });

  it('is exact: quantity × quoted cents, whatever the size (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (cents, quantity) => {
          const priced = acceptedLinePrice(cents, quantity, '2027-01-31', '2027-01-01');
          expect(priced).not.toBeNull();
          expect(priced?.unitPrice).toBe(cents);
          expect(priced?.lineTotal).toBe(cents * BigInt(quantity));
          expect(priced?.source).toBe('quote');
        },
      ),
    );
  });

  it('refuses a negative price or a quantity that is not a positive whole number', () => {
    expect(() => acceptedLinePrice(-1n, 1, '2027-01-31', '2027-01-01')).toThrow(RangeError);
    expect(() => acceptedLinePrice(1n, 0, '2027-01-31', '2027-01-01')).toThrow(RangeError);
  });
});
