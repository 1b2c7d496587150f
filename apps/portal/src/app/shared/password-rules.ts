import { ValidatorFn, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tradecounter/domain';

/** The API's rule for a password being set; whether it is a common one only the API can tell. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters (a phrase is good); common passwords are refused`;

export function newPasswordValidators(required: boolean): ValidatorFn[] {
  const length = [Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)];
  return required ? [Validators.required, ...length] : length;
}
