import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from './date.validator';

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** An instant as ISO 8601 with a zone or offset ("2027-03-01T16:00:00Z"); a bare date or local time is ambiguous. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isIsoDate(match[1]) && !Number.isNaN(new Date(value).getTime());
}

export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an instant like "2027-03-01T16:00:00Z" (ISO 8601 with a zone)`,
        ...options,
      },
      validator: { validate: isInstant },
    });
}
