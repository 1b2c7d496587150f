import {
  lineFilledFromStock,
  lineOnTime,
  orderInFull,
  orderOnTimeInFull,
  promisedShipDateOfUnit,
  shipDateError,
} from './delivery';

describe('delivery measures', () => {
  // Promised Wed 2027-03-10 at placement; re-promised later to Mon 2027-03-15.
  const firstPromised = '2027-03-10';

  it('counts a line on time only when all of it arrived by the date first promised', () => {
    expect(
      lineOnTime({
        quantity: 5,
        promisedDate: firstPromised,
        deliveries: [{ qty: 5, deliveredOn: '2027-03-10' }],
      }),
    ).toBe(true);
    // Split: 3 on time, 2 a day late → the line is late.
    expect(
      lineOnTime({
        quantity: 5,
        promisedDate: firstPromised,
        deliveries: [
          { qty: 3, deliveredOn: '2027-03-09' },
          { qty: 2, deliveredOn: '2027-03-11' },
        ],
      }),
    ).toBe(false);
    // Delivered on the re-promised date: on time against it, late against the first promise.
    const line = { quantity: 2, deliveries: [{ qty: 2, deliveredOn: '2027-03-15' }] };
    expect(lineOnTime({ ...line, promisedDate: '2027-03-15' })).toBe(true);
    expect(lineOnTime({ ...line, promisedDate: firstPromised })).toBe(false);
    // Not all delivered yet: not on time (yet).
    expect(
      lineOnTime({
        quantity: 4,
        promisedDate: firstPromised,
        deliveries: [{ qty: 3, deliveredOn: '2027-03-01' }],
      }),
    ).toBe(false);
  });

  it('calls an order OTIF only when every line is', () => {
    const onTime = {
      quantity: 1,
      promisedDate: firstPromised,
      deliveries: [{ qty: 1, deliveredOn: '2027-03-08' }],
    };
    const late = {
      quantity: 1,
      promisedDate: firstPromised,
      deliveries: [{ qty: 1, deliveredOn: '2027-03-12' }],
    };
    expect(orderOnTimeInFull([onTime, onTime])).toBe(true);
    expect(orderOnTimeInFull([onTime, late])).toBe(false);
    expect(orderOnTimeInFull([])).toBe(false);
  });

  it('calls an order in full when each line shipped whole in one shipment', () => {
    expect(
      orderInFull([
        { quantity: 4, shipmentQuantities: [4] },
        { quantity: 1, shipmentQuantities: [1] },
      ]),
    ).toBe(true);
    expect(orderInFull([{ quantity: 4, shipmentQuantities: [2, 2] }])).toBe(false);
    expect(orderInFull([{ quantity: 4, shipmentQuantities: [3] }])).toBe(false);
  });

  it('fills a line from stock only when stock covered all of it at placement', () => {
    expect(lineFilledFromStock({ quantity: 10, reservedAtPlacement: 10 })).toBe(true);
    expect(lineFilledFromStock({ quantity: 10, reservedAtPlacement: 7 })).toBe(false);
  });

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
