import type { PromiseLine } from '@tradecounter/contracts';
import {
  describeAvailability,
  describePromise,
  describePromiseHeadline,
  describeShipComplete,
  describeSplit,
  unitsBeyondSupply,
  whenWords,
} from './availability-text';
import { formatDay } from './promise-dates';

const none = new Set<string>();
/** Fri 27 Nov 2026, no holidays. */
const friday = { today: '2026-11-27', holidays: none };
/** The domain's worked example: Mon 1 Mar 2027, Wed 3 Mar a holiday. */
const example = { today: '2027-03-01', holidays: new Set(['2027-03-03']) };

/** 5 in stock, 10 inbound, 5 from the supplier: the split promise of domain.md. */
const exampleLine: PromiseLine = {
  productId: 'p1',
  sku: 'BOLT-M8',
  quantity: 20,
  available: 5,
  backorderable: true,
  splits: [
    { qty: 5, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'stock' },
    { qty: 10, shipDate: '2027-03-11', deliveryDate: '2027-03-15', source: 'inbound' },
    { qty: 5, shipDate: '2027-03-17', deliveryDate: '2027-03-19', source: 'supplier' },
  ],
};

describe('formatDay', () => {
  it('says the weekday, day and month, with the year only when it is not this year', () => {
    expect(formatDay('2027-03-02', '2027-03-01')).toBe('Tue 2 Mar');
    expect(formatDay('2027-01-04', '2026-11-27')).toBe('Mon 4 Jan 2027');
    expect(formatDay('2026-12-31', '2026-11-27')).toBe('Thu 31 Dec');
  });

  it('passes text that is not a date through', () => {
    expect(formatDay('soon', '2026-11-27')).toBe('soon');
  });
});

describe('whenWords', () => {
  it('names the day up to ten business days ahead', () => {
    // Fri 27 Nov + 10 business days = Fri 11 Dec.
    expect(whenWords('2026-12-11', friday)).toEqual({ words: 'Fri 11 Dec', far: false });
  });

  it('rounds further dates to weeks (17 and 21 calendar days) and months', () => {
    expect(whenWords('2026-12-14', friday)).toEqual({ words: 'in about 2 weeks', far: true });
    expect(whenWords('2026-12-18', friday)).toEqual({ words: 'in about 3 weeks', far: true });
    expect(whenWords('2027-02-26', friday).words).toBe('in about 3 months');
  });

  it('counts a holiday as no business day, so a date can stay near', () => {
    const christmas = { today: '2026-11-27', holidays: new Set(['2026-12-01']) };
    // 11 weekdays, one a holiday: 10 business days.
    expect(whenWords('2026-12-14', christmas)).toEqual({ words: 'Mon 14 Dec', far: false });
  });
});

describe('describeAvailability', () => {
  it('in stock when what is available covers the quantity', () => {
    const wording = describeAvailability(
      { available: 40, quantity: 10, nextShipDate: '2027-03-02' },
      example,
    );
    expect(wording.text).toBe('In stock · ships Tue 2 Mar');
    expect(wording.tone).toBe('in_stock');
  });

  it('some in stock and the rest later', () => {
    const wording = describeAvailability(
      { available: 5, quantity: 20, nextShipDate: '2027-03-02', moreShipDate: '2027-03-11' },
      example,
    );
    expect(wording.text).toBe('5 in stock · more ships Thu 11 Mar');
    expect(wording.tone).toBe('low');
  });

  it('some in stock without a known later date (a list row below its minimum)', () => {
    const wording = describeAvailability({ available: 3, quantity: 10, nextShipDate: '2027-03-02' }, example);
    expect(wording.text).toBe('Only 3 in stock · ships Tue 2 Mar');
  });

  it('out of stock with the date more arrives', () => {
    const wording = describeAvailability({ available: 0, quantity: 1, nextShipDate: '2027-03-11' }, example);
    expect(wording.text).toBe('Out of stock · ships Thu 11 Mar');
    expect(wording.tone).toBe('out');
  });

  it('far dates in weeks, with the exact date kept for a tooltip', () => {
    const wording = describeAvailability({ available: 0, quantity: 1, nextShipDate: '2026-12-18' }, friday);
    expect(wording.text).toBe('Ships in about 3 weeks');
    expect(wording.tone).toBe('far');
    expect(wording.exact).toBe('Out of stock · ships Fri 18 Dec');
  });

  it('some in stock and the rest far off', () => {
    const wording = describeAvailability(
      { available: 2, quantity: 5, nextShipDate: '2026-11-30', moreShipDate: '2026-12-18' },
      friday,
    );
    expect(wording.text).toBe('2 in stock · more in about 3 weeks');
  });

  it('treats negative availability (oversold data) as none', () => {
    const wording = describeAvailability({ available: -3, quantity: 1, nextShipDate: '2027-03-11' }, example);
    expect(wording.label).toBe('Out of stock');
  });
});

describe('promise wording', () => {
  it('words each split of the worked example', () => {
    expect(describePromise(exampleLine, example.today)).toBe(
      '5 ship Tue 2 Mar (arrive Fri 5 Mar) from stock; ' +
        '10 ship Thu 11 Mar (arrive Mon 15 Mar) from incoming stock; ' +
        '5 ship Wed 17 Mar (arrive Fri 19 Mar) from supplier',
    );
  });

  it('uses the singular for one unit', () => {
    expect(
      describeSplit(
        { qty: 1, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'stock' },
        '2027-03-01',
      ),
    ).toBe('1 ships Tue 2 Mar (arrive Fri 5 Mar) from stock');
  });

  it('ship complete waits for the latest split', () => {
    expect(
      describeShipComplete(20, { shipDate: '2027-03-17', deliveryDate: '2027-03-19' }, example.today),
    ).toBe('All 20 ship Wed 17 Mar and arrive Fri 19 Mar');
    expect(
      describeShipComplete(1, { shipDate: '2027-03-17', deliveryDate: '2027-03-19' }, '2026-11-27'),
    ).toBe('It ships Wed 17 Mar 2027 and arrives Fri 19 Mar 2027');
  });

  it('heads the breakdown with the stock part and when more ships', () => {
    expect(describePromiseHeadline(exampleLine, example).text).toBe('5 in stock · more ships Thu 11 Mar');
    const inStock = { ...exampleLine, quantity: 5, splits: exampleLine.splits.slice(0, 1) };
    expect(describePromiseHeadline(inStock, example).text).toBe('In stock · ships Tue 2 Mar');
  });

  it('counts the units a non-backorderable product would be refused for', () => {
    expect(unitsBeyondSupply(exampleLine)).toBe(0);
    expect(unitsBeyondSupply({ ...exampleLine, backorderable: false })).toBe(5);
  });
});
