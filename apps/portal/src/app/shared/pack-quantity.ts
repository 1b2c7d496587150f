import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { nearestOrderable, type PackRules, quantityProblem } from '@tradecounter/domain';

/** "Min 12, packs of 6", or '' for a product sold one by one. */
export function packHint(rules: PackRules): string {
  if (rules.minOrderQty <= 1 && rules.orderMultiple <= 1) return '';
  return rules.orderMultiple > 1
    ? `Min ${rules.minOrderQty}, packs of ${rules.orderMultiple}`
    : `Min ${rules.minOrderQty}`;
}

/** The smallest quantity the product can be ordered in: what a new line starts at. */
export function firstOrderable(rules: PackRules): number {
  return nearestOrderable(rules.minOrderQty, rules) ?? rules.minOrderQty;
}

/**
 * Why this quantity cannot be ordered, with the nearest one that can
 * ("Quantity must be a multiple of 6 (sold in packs of 6): try 18"), or ''.
 */
export function packQuantityMessage(quantity: number | null, rules: PackRules): string {
  const problem = quantityProblem(quantity, rules);
  if (!problem) return '';
  const nearest =
    quantity !== null && Number.isFinite(quantity) && quantity > 0 ? nearestOrderable(quantity, rules) : null;
  return nearest !== null && nearest !== quantity
    ? `Quantity ${problem}: try ${nearest}`
    : `Quantity ${problem}`;
}

/** A form quantity checked against the pack rules; the error `packRules` is the message to show. */
export function packRulesValidator(rules: PackRules): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    const message = packQuantityMessage(Number(value), rules);
    return message ? { packRules: message } : null;
  };
}
