import type { PromiseSettings, PromiseSplit } from '../availability';
import { currentPromisedDates, inboundShipDate, redateInboundSplit } from './repromise';

// Mon 2027-03-01 … ; handling 1 business day, transit 2; Fri 2027-03-12 is a holiday.
const settings: PromiseSettings = {
  timeZone: 'America/Chicago',
  cutoffTime: '14:00',
  handlingDays: 1,
  transitDays: 2,
  holidays: new Set(['2027-03-12']),
};
const today = { orderDate: '2027-03-02', firstDispatchDate: '2027-03-03' };

const split = (qty: number, shipDate: string, deliveryDate: string, source: PromiseSplit['source']) => ({
  qty,
  shipDate,
  deliveryDate,
  source,
});

describe('re-promising a line when its receipts move', () => {
  it('ships handling days after the latest receipt the line waits for', () => {
    const receipts = [{ expectedDate: '2027-03-08' }, { expectedDate: '2027-03-10' }];
    expect(inboundShipDate(receipts, settings, today)).toBe('2027-03-11');
  });

  it('skips holidays and weekends when counting handling days', () => {
    expect(inboundShipDate([{ expectedDate: '2027-03-11' }], settings, today)).toBe('2027-03-15');
  });

  it('never ships before today’s first dispatch date, even for a receipt due in the past', () => {
    expect(inboundShipDate([{ expectedDate: '2027-02-22' }], settings, today)).toBe('2027-03-03');
  });

  it('ships received units on today’s first dispatch date, but still waits for the receipts to come', () => {
    expect(inboundShipDate([{ expectedDate: null }], settings, today)).toBe('2027-03-03');
    expect(inboundShipDate([{ expectedDate: null }, { expectedDate: '2027-03-09' }], settings, today)).toBe(
      '2027-03-10',
    );
  });

  it('has no inbound date for a line that waits for no receipt', () => {
    expect(inboundShipDate([], settings, today)).toBeNull();
  });

  it('redates only the inbound split, with delivery transit days later, and keeps ship-date order', () => {
    const splits = [
      split(5, '2027-03-03', '2027-03-05', 'stock'),
      split(10, '2027-03-08', '2027-03-10', 'inbound'),
      split(3, '2027-03-16', '2027-03-18', 'supplier'),
    ];
    expect(redateInboundSplit(splits, '2027-03-22', settings)).toEqual([
      split(5, '2027-03-03', '2027-03-05', 'stock'),
      split(3, '2027-03-16', '2027-03-18', 'supplier'),
      split(10, '2027-03-22', '2027-03-24', 'inbound'),
    ]);
  });

  it('dates each line by its latest split, or every line by the order’s latest with ship complete', () => {
    const lines = [
      {
        splits: [
          split(1, '2027-03-03', '2027-03-05', 'stock'),
          split(1, '2027-03-22', '2027-03-24', 'inbound'),
        ],
      },
      { splits: [split(2, '2027-03-03', '2027-03-05', 'stock')] },
    ];
    expect(currentPromisedDates(lines, false)).toEqual(['2027-03-24', '2027-03-05']);
    expect(currentPromisedDates(lines, true)).toEqual(['2027-03-24', '2027-03-24']);
  });
});
