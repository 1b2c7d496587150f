import { createHmac, randomBytes } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`, the X-Signature header. */
export function signWebhook(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** A secret for a subscription created without one: 32 random bytes, URL-safe. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** What the API shows of a secret after creation: its last four characters. */
export function maskSecret(secret: string): string {
  return `••••${secret.slice(-4)}`;
}
