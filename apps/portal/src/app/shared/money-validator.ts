import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Accepts "12", "12.5", "12.50"; non-negative. Empty is left to `required`. */
export function moneyValidator(): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    const text = String(value).trim();
    return /^\d{1,13}(\.\d{1,2})?$/.test(text) ? null : { money: true };
  };
}
