import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A finite JSON number with at most `places` decimals (12.5 for kilograms to
 * the gram). class-validator's own `maxDecimalPlaces` throws on numbers that
 * print in exponent form (1e-7), which reached the client as a 500.
 */
export function hasAtMostDecimalPlaces(value: unknown, places: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

export function IsDecimalNumber(places: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimalNumber',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a number with at most ${places} decimals`, ...options },
      validator: { validate: (value: unknown) => hasAtMostDecimalPlaces(value, places) },
    });
}
