import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { passwordsMatch, setPasswordFailure } from './set-password-rules';

/** A control with the little a group validator reads (the portal's specs run without Angular). */
function control(value: string) {
  return {
    value,
    errors: null as ValidationErrors | null,
    setErrors(errors: ValidationErrors | null) {
      this.errors = errors;
    },
  };
}

describe('set password', () => {
  it('marks the confirmation when it does not repeat the password, and clears it when it does', () => {
    const controls = { password: control('a-long-secret-42'), confirm: control('a-long-secret-4') };
    const group = { get: (name: 'password' | 'confirm') => controls[name] } as unknown as AbstractControl;
    const validate = passwordsMatch();
    expect(validate(group)).toEqual({ mismatch: true });
    expect(controls.confirm.errors).toEqual({ mismatch: true });
    controls.confirm.value = 'a-long-secret-42';
    expect(validate(group)).toBeNull();
    expect(controls.confirm.errors).toBeNull();
    // Another error of the confirmation (required) is kept.
    controls.confirm.value = '';
    controls.confirm.errors = { required: true };
    expect(validate(group)).toBeNull();
    expect(controls.confirm.errors).toEqual({ required: true });
  });

  it('tells a dead link (ask for a new invitation) from a refused password', () => {
    const dead = setPasswordFailure({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'This link to set a password is not valid: it has expired.',
      errors: [{ field: 'token', message: 'has expired, was already used, or was replaced' }],
    });
    expect(dead).toEqual({
      linkInvalid: true,
      message: 'This link to set a password is not valid: it has expired.',
    });
    const weak = setPasswordFailure({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'password', message: 'is a commonly used password' }],
    });
    expect(weak.linkInvalid).toBe(false);
  });
});
