import type { AbstractControl } from '@angular/forms';
import { firstOrderable, packHint, packQuantityMessage, packRulesValidator } from './pack-quantity';

const gloves = { minOrderQty: 12, orderMultiple: 6 };
const loose = { minOrderQty: 1, orderMultiple: 1 };

describe('pack quantities', () => {
  it('starts a new line at the smallest orderable quantity', () => {
    expect(firstOrderable(gloves)).toBe(12);
    // A minimum that is not whole packs rounds up to the next pack.
    expect(firstOrderable({ minOrderQty: 10, orderMultiple: 4 })).toBe(12);
    expect(firstOrderable(loose)).toBe(1);
  });

  it('hints the rules only when there are some', () => {
    expect(packHint(gloves)).toBe('Min 12, packs of 6');
    expect(packHint({ minOrderQty: 5, orderMultiple: 1 })).toBe('Min 5');
    expect(packHint(loose)).toBe('');
  });

  it('says what is wrong and what to order instead', () => {
    expect(packQuantityMessage(18, gloves)).toBe('');
    expect(packQuantityMessage(15, gloves)).toBe(
      'Quantity must be a multiple of 6 (sold in packs of 6): try 18',
    );
    expect(packQuantityMessage(6, gloves)).toBe('Quantity must be at least 12 (the minimum order): try 12');
    expect(packQuantityMessage(0, gloves)).toBe('Quantity must be a positive whole number');
  });

  it('validates a form value, typed as text or number, leaving empty to required', () => {
    const validate = packRulesValidator(gloves);
    const control = (value: unknown) => ({ value }) as AbstractControl;
    expect(validate(control(''))).toBeNull();
    expect(validate(control(24))).toBeNull();
    expect(validate(control('24'))).toBeNull();
    expect(validate(control('15'))).toEqual({
      packRules: 'Quantity must be a multiple of 6 (sold in packs of 6): try 18',
    });
  });
});
