import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Integration API keys: `tck_<prefix>_<secret>`. The prefix (public, 10
 * characters) finds the key's row; the whole key's SHA-256 is what is kept
 * and compared. 32 random bytes of secret make a slow hash unnecessary.
 */
const KEY_PATTERN = /^tck_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function newApiKey(): NewApiKey {
  const prefix = randomBytes(16)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 10)
    .padEnd(10, '0');
  const key = `tck_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The key's public prefix, or null when it is not shaped like a key at all. */
export function apiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
