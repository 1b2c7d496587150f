import fc from 'fast-check';
import { addCalendarDays, localDateTime } from '../availability/calendar';
import { effectiveReturnWindowDays, returnableQuantity, returnWindowEndsOn } from './return-window';

const ZONES = ['America/Chicago', 'Europe/Berlin', 'Pacific/Auckland', 'UTC', 'America/St_Johns'];

describe('return window and returnable quantity', () => {
  const deliveredAt = new Date('2027-03-01T15:00:00Z');

  it('uses the product window, else the default; 0 means not returnable', () => {
    expect(effectiveReturnWindowDays(null, 30)).toBe(30);
    expect(effectiveReturnWindowDays(14, 30)).toBe(14);
    expect(effectiveReturnWindowDays(0, 30)).toBe(0);
    const facts = { delivered: 5, alreadyReturned: 0, deliveredAt, now: deliveredAt, timeZone: 'UTC' };
    expect(returnableQuantity({ ...facts, windowDays: 0 })).toEqual({
      returnable: 0,
      windowEndsOn: '2027-03-01',
      blockedBy: 'not_returnable',
    });
  });

  it('counts the window from the local delivery date, to the end of its last local day', () => {
    // 2027-03-01 23:30 in Chicago is 05:30 UTC on the 2nd.
    const late = new Date('2027-03-02T05:30:00Z');
    expect(returnWindowEndsOn(late, 30, 'America/Chicago')).toBe('2027-03-31');
    const base = {
      delivered: 3,
      alreadyReturned: 1,
      deliveredAt: late,
      windowDays: 30,
      timeZone: 'America/Chicago',
    };
    // 2027-03-31 23:59 Chicago (CDT, UTC−5) = 04:59 UTC on April 1st: still open.
    expect(returnableQuantity({ ...base, now: new Date('2027-04-01T04:59:00Z') }).returnable).toBe(2);
    expect(returnableQuantity({ ...base, now: new Date('2027-04-01T05:00:00Z') })).toEqual({
      returnable: 0,
      windowEndsOn: '2027-03-31',
      blockedBy: 'window_closed',
    });
  });

  it('says why nothing is returnable', () => {
    const base = { deliveredAt, windowDays: 30, now: deliveredAt, timeZone: 'UTC' };
    expect(
      returnableQuantity({ ...base, delivered: 0, alreadyReturned: 0, deliveredAt: null }).blockedBy,
    ).toBe('not_delivered');
    expect(returnableQuantity({ ...base, delivered: 4, alreadyReturned: 4 })).toEqual({
      returnable: 0,
      windowEndsOn: '2027-03-31',
      blockedBy: 'all_returned',
    });
  });

  it('is delivered − returned inside the window, 0 outside, never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 120 * 24 }),
        (timeZone, delivered, alreadyReturned, windowDays, hoursLater) => {
          const now = new Date(deliveredAt.getTime() + hoursLater * 3_600_000);
          const result = returnableQuantity({
            delivered,
            alreadyReturned,
            deliveredAt,
            windowDays,
            now,
            timeZone,
          });
          const ends = addCalendarDays(localDateTime(deliveredAt, timeZone).date, windowDays);
          const open = windowDays > 0 && localDateTime(now, timeZone).date <= ends;
          expect(result.windowEndsOn).toBe(ends);
          expect(result.returnable).toBe(open ? Math.max(0, delivered - alreadyReturned) : 0);
          expect(result.returnable >= 0 && result.returnable <= delivered).toBe(true);
          expect(result.blockedBy === null).toBe(result.returnable > 0);
        },
      ),
    );
  });
});
