import { exposureChange } from './exposure';

describe('credit exposure changes', () => {
  const subtotal = 12_345n;

  it('takes an order off when it is cancelled, rejected or paid', () => {
    expect(
      exposureChange({ status: 'confirmed', paid: false }, { status: 'cancelled', paid: false }, subtotal),
    ).toBe(-subtotal);
    expect(
      exposureChange(
        { status: 'pending_approval', paid: false },
        { status: 'rejected', paid: false },
        subtotal,
      ),
    ).toBe(-subtotal);
    expect(
      exposureChange({ status: 'shipped', paid: false }, { status: 'shipped', paid: true }, subtotal),
    ).toBe(-subtotal);
  });

  it('never takes a paid order off twice, nor moves for steps that keep it counting', () => {
    expect(
      exposureChange({ status: 'confirmed', paid: true }, { status: 'cancelled', paid: true }, subtotal),
    ).toBe(0n);
    expect(
      exposureChange({ status: 'on_hold', paid: false }, { status: 'confirmed', paid: false }, subtotal),
    ).toBe(0n);
    expect(
      exposureChange({ status: 'packed', paid: false }, { status: 'shipped', paid: false }, subtotal),
    ).toBe(0n);
    expect(
      exposureChange({ status: 'cancelled', paid: false }, { status: 'cancelled', paid: true }, subtotal),
    ).toBe(0n);
  });
});
