import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** A validator from a pure check that returns its own message (`{ problem: message }`). */
export function problemValidator(check: (value: unknown) => string | null): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const problem = check(control.value);
    return problem ? { problem } : null;
  };
}

/** The message under a field: the server's words first, then the check's. */
export function controlMessage(control: AbstractControl, label: string): string {
  const errors = control.errors;
  if (!errors) return '';
  const server: unknown = errors['server'];
  if (typeof server === 'string') return /^[a-z]/.test(server) ? `${label} ${server}` : server;
  const problem: unknown = errors['problem'];
  if (typeof problem === 'string') return problem;
  if (errors['required']) return `${label} is required`;
  if (errors['email']) return 'Enter a valid email address';
  if (errors['maxlength']) return `${label} is too long`;
  return `${label} is invalid`;
}
