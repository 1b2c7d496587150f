import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '@tradecounter/domain';
import { isCommonPassword } from './common-passwords';

/**
 * A password being set (a new user, a change): 12 to 128 characters, not a
 * common password (ASVS 5.0 V6.2). Signing in checks no rule, so passwords
 * set before the rule (and the seeded demo users') keep working.
 */
export function IsNewPassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNewPassword',
      target: target.constructor,
      propertyName,
      options: {
        // Worded relative to the field, as the portal shows it under the field's label.
        message: ({ value }) =>
          (typeof value === 'string' && passwordProblem(value, isCommonPassword)) || 'must be a string',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && passwordProblem(value, isCommonPassword) === undefined,
      },
    });
}

const DOCUMENTED: ApiPropertyOptions = {
  type: String,
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not a commonly used password; no composition rules`,
};

/** The OpenAPI description of a password being set. */
export const ApiNewPassword = () => ApiProperty(DOCUMENTED);
export const ApiNewPasswordOptional = (extra: Partial<ApiPropertyOptions> = {}) =>
  ApiPropertyOptional({
    ...DOCUMENTED,
    ...extra,
    description: [DOCUMENTED.description, extra.description].filter(Boolean).join('. '),
  } as ApiPropertyOptions);
