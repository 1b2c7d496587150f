import type { SalesQuoteStatus } from '@tradecounter/contracts';
import {
  chosenSubtotal,
  comparePrice,
  expiryWords,
  quoteActions,
  quotingTotals,
  savingView,
  totalSavings,
  validity,
} from './quote-rules';

const TODAY = '2026-12-07';
const quote = (status: SalesQuoteStatus, validUntil: string | null = '2027-01-06') => ({
  status,
  validUntil,
});

describe('quoteActions: who may do what to a quote, by its status', () => {
  it('lets the buyer and the approver accept or ask for changes only while quoted and valid', () => {
    expect(quoteActions(quote('quoted'), 'buyer', TODAY)).toEqual(['accept', 'request_changes', 'decline']);
    expect(quoteActions(quote('quoted'), 'approver', TODAY)).toEqual([
      'accept',
      'request_changes',
      'decline',
    ]);
    // validUntil holds to the end of its day.
    expect(quoteActions(quote('quoted', TODAY), 'buyer', TODAY)).toContain('accept');
    expect(quoteActions(quote('quoted', '2026-12-06'), 'buyer', TODAY)).toEqual(['decline']);
    expect(quoteActions(quote('requested', null), 'buyer', TODAY)).toEqual(['decline']);
  });

  it('offers nothing on an ended quote to customers', () => {
    for (const status of ['accepted', 'declined', 'withdrawn', 'expired'] as const) {
      expect(quoteActions(quote(status), 'buyer', TODAY)).toEqual([]);
    }
  });

  it('lets account managers and admins price, revise, re-quote an expired quote and withdraw an open one', () => {
    expect(quoteActions(quote('requested', null), 'account_manager', TODAY)).toEqual(['quote', 'withdraw']);
    expect(quoteActions(quote('quoted'), 'admin', TODAY)).toEqual(['quote', 'withdraw']);
    expect(quoteActions(quote('expired'), 'account_manager', TODAY)).toEqual(['quote']);
    expect(quoteActions(quote('declined'), 'account_manager', TODAY)).toEqual([]);
    expect(quoteActions(quote('accepted'), 'admin', TODAY)).toEqual([]);
  });

  it('leaves managers, the warehouse and signed-out users read-only', () => {
    expect(quoteActions(quote('quoted'), 'manager', TODAY)).toEqual([]);
    expect(quoteActions(quote('requested'), 'warehouse', TODAY)).toEqual([]);
    expect(quoteActions(quote('quoted'), undefined, TODAY)).toEqual([]);
  });
});

describe('validity: how long the quoted prices hold', () => {
  it('counts the days left, warning from 3 days before', () => {
    expect(validity('2027-01-06', TODAY)).toEqual({ kind: 'valid', daysLeft: 30, soon: false });
    expect(validity('2026-12-10', TODAY)).toEqual({ kind: 'valid', daysLeft: 3, soon: true });
    expect(validity('2026-12-11', TODAY)).toEqual({ kind: 'valid', daysLeft: 4, soon: false });
    expect(validity(TODAY, TODAY)).toEqual({ kind: 'valid', daysLeft: 0, soon: true });
    expect(validity('2026-12-06', TODAY)).toEqual({ kind: 'lapsed' });
    expect(validity(null, TODAY)).toEqual({ kind: 'none' });
  });

  it('says it in words', () => {
    expect(expiryWords(0)).toBe('expires today');
    expect(expiryWords(1)).toBe('expires tomorrow');
    expect(expiryWords(3)).toBe('expires in 3 days');
  });
});

describe('comparePrice: a quoted price against the normal one, exactly', () => {
  it('gives the saving per unit, per line and as a percentage with one decimal', () => {
    expect(comparePrice('10.80', '12.00', 25)).toEqual({ perUnit: '1.20', total: '30.00', percent: '10.0' });
    expect(comparePrice('0.10', '0.30', 3)).toEqual({ perUnit: '0.20', total: '0.60', percent: '66.7' });
  });

  it('is negative when the quote is above the normal price, and has no percentage against 0', () => {
    expect(comparePrice('12.50', '12.00', 2)).toEqual({ perUnit: '-0.50', total: '-1.00', percent: '-4.2' });
    expect(comparePrice('1.00', '0.00', 1).percent).toBeNull();
  });

  it('never loses a cent on large quantities (no floats)', () => {
    expect(comparePrice('0.07', '0.10', 100_000_001).total).toBe('3000000.03');
    expect(comparePrice('1234567.89', '1234567.90', 3).total).toBe('0.03');
  });

  it('is shown without signs, saying which way it goes', () => {
    expect(savingView(comparePrice('12.50', '12.00', 2))).toEqual({
      same: false,
      up: true,
      perUnit: '0.50',
      total: '1.00',
      percent: '4.2',
    });
    expect(savingView(comparePrice('12.00', '12.00', 2)).same).toBe(true);
  });
});

describe('totals of a quote', () => {
  const lines = [
    { id: 'a', lineTotal: '100.10', unitPrice: '10.01', normalPrice: '11.00', quantity: 10 },
    { id: 'b', lineTotal: '0.20', unitPrice: '0.10', normalPrice: '0.10', quantity: 2 },
    { id: 'c', lineTotal: null, unitPrice: null, normalPrice: '5.00', quantity: 1 },
  ];

  it('adds the chosen lines only (partial acceptance)', () => {
    expect(chosenSubtotal(lines)).toBe('100.30');
    expect(chosenSubtotal(lines, new Set(['b']))).toBe('0.20');
    expect(chosenSubtotal(lines, new Set())).toBe('0.00');
  });

  it('sums what the buyer saves against their normal prices, unpriced lines aside', () => {
    expect(totalSavings(lines)).toBe('9.90');
  });
});

describe('quotingTotals: the quoting page while prices are typed', () => {
  it('totals the valid prices and says whether every line has one', () => {
    const totals = quotingTotals([
      { productId: 'p1', quantity: 3, normalPrice: '2.00', typed: '1.5' },
      { productId: 'p2', quantity: 1, normalPrice: '9.99', typed: ' 10 ' },
    ]);
    expect(totals).toEqual({
      lineTotals: { p1: '4.50', p2: '10.00' },
      subtotal: '14.50',
      complete: true,
      discount: '1.49',
    });
  });

  it('leaves out what is not money yet (empty, three decimals, negative, exponent)', () => {
    for (const typed of ['', '1.234', '-1', '1e3', 'abc']) {
      const totals = quotingTotals([
        { productId: 'p1', quantity: 2, normalPrice: '3.00', typed },
        { productId: 'p2', quantity: 1, normalPrice: '1.00', typed: '1.00' },
      ]);
      expect(totals.lineTotals['p1']).toBeNull();
      expect(totals.subtotal).toBe('1.00');
      expect(totals.complete).toBe(false);
    }
  });
});
