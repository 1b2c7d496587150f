import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the API must be able to read back (a webhook's signing secret),
 * kept encrypted at rest with AES-256-GCM under the deployment's DATA_KEY:
 *
 *     v1:<iv>:<tag>:<ciphertext>      (each base64url; a random 12-byte IV, a 16-byte tag)
 *
 * The version prefix leaves room for another algorithm or key later. A value
 * stored before encryption was introduced is marked `plain:<secret>` by
 * migration 1765324800000, so the two are never confused, whatever a secret
 * looks like; `openSecret` reads both, and the owner re-seals plain ones.
 */
const VERSION = 'v1';
const PLAIN = 'plain:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretUnreadableError extends Error {
  constructor() {
    super('the stored secret cannot be decrypted with this DATA_KEY');
  }
}

export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':');
}

/** The secret in the clear; throws SecretUnreadableError for a wrong key or a damaged value. */
export function openSecret(stored: string, key: Buffer): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  const [version, iv, tag, ciphertext, ...rest] = stored.split(':');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length)
    throw new SecretUnreadableError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretUnreadableError();
  }
}

/** Whether a stored value is still in the clear (from before encryption at rest). */
export function isPlainSecret(stored: string): boolean {
  return stored.startsWith(PLAIN);
}
