import { AbstractControl } from '@angular/forms';

/** The message to show under a form field, server errors first. */
export function fieldError(control: AbstractControl | null, label = 'This field'): string {
  const errors = control?.errors;
  if (!errors) return '';
  const server: unknown = errors['server'];
  // The API words field errors relative to the field ("is already in use").
  if (typeof server === 'string') return /^[a-z]/.test(server) ? `${label} ${server}` : server;
  if (errors['required']) return `${label} is required`;
  if (errors['email']) return 'Enter a valid email address';
  if (errors['money']) return 'Enter an amount like 1250.00';
  if (errors['percent']) return 'Enter 0 to 100, at most 2 decimals';
  if (errors['integer']) return `${label} must be a whole number`;
  if (typeof errors['packRules'] === 'string') return errors['packRules'] as string;
  if (typeof errors['bin'] === 'string') return errors['bin'] as string;
  if (typeof errors['duplicate'] === 'string') return errors['duplicate'] as string;
  if (errors['minlength'])
    return `${label} must be at least ${(errors['minlength'] as { requiredLength: number }).requiredLength} characters`;
  if (errors['maxlength']) return `${label} is too long`;
  if (errors['min']) return `${label} must be at least ${(errors['min'] as { min: number }).min}`;
  if (errors['pattern']) return `${label} has an invalid format`;
  return `${label} is invalid`;
}
