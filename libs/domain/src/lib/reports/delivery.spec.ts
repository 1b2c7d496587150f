import { promisedShipDateOfUnit, shipDateError } from './delivery';

describe('delivery measures', () => {
  it('measures ship-date error in business days, early negative, across weekends and holidays', () => {
    const holidays = new Set(['2027-03-12']); // Friday
    expect(shipDateError('2027-03-10', '2027-03-10', holidays)).toBe(0);
    // Promised Thu 03-11, shipped Mon 03-15: Fri is a holiday, so one business day late.
    expect(shipDateError('2027-03-15', '2027-03-11', holidays)).toBe(1);
    // Promised Tue 03-16, shipped Wed 03-10: Thu, Mon, Tue → 3 business days early.
    expect(shipDateError('2027-03-10', '2027-03-16', holidays)).toBe(-3);
  });
});

describe('promisedShipDateOfUnit', () => {
  const splits = [
    { qty: 5, shipDate: '2027-01-12' },
    { qty: 3, shipDate: '2027-01-04' },
  ];

  it('counts units in ship-date order, whatever order the splits come in', () => {
    expect(promisedShipDateOfUnit(splits, 1)).toBe('2027-01-04');
    expect(promisedShipDateOfUnit(splits, 3)).toBe('2027-01-04');
    expect(promisedShipDateOfUnit(splits, 4)).toBe('2027-01-12');
    expect(promisedShipDateOfUnit(splits, 8)).toBe('2027-01-12');
  });

  it('measures units beyond the promise against the latest date', () => {
    expect(promisedShipDateOfUnit(splits, 9)).toBe('2027-01-12');
  });

  it('refuses a line without a promise', () => {
    expect(() => promisedShipDateOfUnit([], 1)).toThrow(RangeError);
  });
});
