import type { ValidatorFn } from '@angular/forms';

/** The API's rule (libs/domain warehouse/bins.ts): groups of letters and digits separated by '-'. */
const BIN = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;
export const MAX_BIN_LENGTH = 20;
export const BIN_RULE = "Groups of letters and digits separated by '-', like A-01-03";

/** What is wrong with a bin as typed, or null: blank (no bin) is fine. */
export function binProblem(typed: string): string | null {
  const value = typed.trim();
  if (value === '') return null;
  if (value.length > MAX_BIN_LENGTH) return `At most ${MAX_BIN_LENGTH} characters`;
  return BIN.test(value) ? null : BIN_RULE;
}

export function binValidator(): ValidatorFn {
  return (control) => {
    const problem = binProblem(String(control.value ?? ''));
    return problem ? { bin: problem } : null;
  };
}
