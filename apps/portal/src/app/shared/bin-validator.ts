import type { ValidatorFn } from '@angular/forms';
import { normalizeBin } from '@tradecounter/domain';

/** The rule, as the bin field's hint words it. */
export const BIN_RULE = "Groups of letters and digits separated by '-', like A-01-03";

/** What is wrong with a bin as typed (the API's own rule and words), or null: blank means no bin. */
export function binProblem(typed: string): string | null {
  const result = normalizeBin(typed);
  return 'error' in result ? result.error.charAt(0).toUpperCase() + result.error.slice(1) : null;
}

export function binValidator(): ValidatorFn {
  return (control) => {
    const problem = binProblem(String(control.value ?? ''));
    return problem ? { bin: problem } : null;
  };
}
