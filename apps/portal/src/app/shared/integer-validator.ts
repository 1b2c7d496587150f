import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Whole numbers only ("12", not "1.5" or "1e3"). Empty is left to `required`. */
export function integerValidator(): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    return /^-?\d+$/.test(String(value).trim()) ? null : { integer: true };
  };
}
