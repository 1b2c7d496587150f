import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { Problem } from '@tradecounter/contracts';

/** On the form group: the confirmation must repeat the password (`mismatch` on `confirm`). */
export function passwordsMatch(password = 'password', confirm = 'confirm'): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const first = group.get(password)?.value as string | undefined;
    const second = group.get(confirm);
    if (!second) return null;
    const mismatch = !!second.value && first !== second.value;
    const { mismatch: _was, ...others } = second.errors ?? {};
    second.setErrors(mismatch ? { ...others, mismatch: true } : Object.keys(others).length ? others : null);
    return mismatch ? { mismatch: true } : null;
  };
}

/**
 * Why setting the password failed: the link itself (expired, used,
 * replaced; no new password helps, only a new invitation), or something
 * about the password that the form shows on its field.
 */
export function setPasswordFailure(problem: Problem): { linkInvalid: boolean; message: string } {
  const tokenError = problem.errors?.some((error) => error.field === 'token');
  if (tokenError) {
    return {
      linkInvalid: true,
      message:
        problem.detail ??
        'This link has expired, was already used, or a newer invitation replaced it. Ask for a new invitation.',
    };
  }
  return { linkInvalid: false, message: '' };
}
