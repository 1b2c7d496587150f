import { registerDecorator, ValidationOptions } from 'class-validator';
import { isPercentString } from '@tradecounter/domain';

/** A percentage string from "0" to "100" with at most two decimals: "12.5". */
export function IsPercent(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPercent',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a percentage from "0" to "100" (a string, at most 2 decimals)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isPercentString(value) },
    });
}
