import type { PromiseSplit } from '../availability';
import { promisedDates, requestedDateProblem } from './promised-dates';

const split = (qty: number, deliveryDate: string, source: PromiseSplit['source']): PromiseSplit => ({
  qty,
  shipDate: deliveryDate,
  deliveryDate,
  source,
});

describe('promised delivery dates', () => {
  // Line 1: 5 from stock (Fri 03-05), 10 inbound (Mon 03-15); line 2: all from stock (Fri 03-05);
  // line 3: backordered (Fri 03-19). Ship complete waits for the latest: 03-19.
  const lines = [
    { splits: [split(5, '2027-03-05', 'stock'), split(10, '2027-03-15', 'inbound')] },
    { splits: [split(2, '2027-03-05', 'stock')] },
    { splits: [split(3, '2027-03-19', 'supplier')] },
  ];
  const complete = { shipDate: '2027-03-17', deliveryDate: '2027-03-19' };

  it('promises each line the delivery of its last unit when shipping as available', () => {
    expect(promisedDates(lines, complete, false)).toEqual({
      perLine: ['2027-03-15', '2027-03-05', '2027-03-19'],
      earliest: '2027-03-05',
    });
  });

  it('promises every line the one complete date when shipping complete', () => {
    expect(promisedDates(lines, complete, true)).toEqual({
      perLine: ['2027-03-19', '2027-03-19', '2027-03-19'],
      earliest: '2027-03-19',
    });
  });

  it('refuses a requested date before the earliest delivery, and only before it', () => {
    const dates = promisedDates(lines, complete, false);
    expect(requestedDateProblem('2027-03-04', dates)).toBe(
      'must be on or after 2027-03-05, the earliest delivery',
    );
    expect(requestedDateProblem('2027-03-05', dates)).toBeNull();
    expect(requestedDateProblem(undefined, dates)).toBeNull();
    expect(requestedDateProblem('2027-03-18', promisedDates(lines, complete, true))).not.toBeNull();
  });
});
