import { registerDecorator, ValidationOptions } from 'class-validator';

/** An absolute http(s) URL without credentials or whitespace: where deliveries are POSTed. */
export function isWebhookUrl(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username;
  } catch {
    return false;
  }
}

export function IsWebhookUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an http:// or https:// URL', ...options },
      validator: { validate: isWebhookUrl },
    });
}
