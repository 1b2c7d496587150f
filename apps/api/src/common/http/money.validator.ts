import { registerDecorator, ValidationOptions } from 'class-validator';
import { isMoneyString } from '@tradecounter/domain';

/** A non-negative decimal string with at most two decimals: "1234.50". */
export function IsMoney(options?: ValidationOptions & { allowNegative?: boolean }) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an amount like "1234.50" (a string, at most 2 decimals)`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isMoneyString(value) &&
          (options?.allowNegative || !value.startsWith('-')),
      },
    });
}
