import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** A discount as the server takes it: 0–100 with at most two decimals ("12.5"). */
export function percentValidator(): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    const text = String(value).trim();
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return { percent: true };
    const [units, decimals = ''] = text.split('.');
    const over = Number(units) > 100 || (Number(units) === 100 && /[1-9]/.test(decimals));
    return over ? { percent: true } : null;
  };
}

/** A percent input in wire form: " 12.50 " → "12.50". */
export function toPercentString(value: string | number): string {
  return String(value).trim();
}
