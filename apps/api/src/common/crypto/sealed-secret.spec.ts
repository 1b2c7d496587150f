import { randomBytes } from 'node:crypto';
import { isPlainSecret, openSecret, sealSecret, SecretUnreadableError } from './sealed-secret';

describe('sealed secrets', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh IV each time, and never shows the plaintext', () => {
    const secret = 'whsec_the-secret-that-signs-every-delivery';
    const first = sealSecret(secret, key);
    const second = sealSecret(secret, key);
    expect(first).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(first).not.toEqual(second);
    expect(first).not.toContain('the-secret');
    expect(openSecret(first, key)).toBe(secret);
    expect(openSecret(second, key)).toBe(secret);
    expect(isPlainSecret(first)).toBe(false);
  });

  it('reads a value marked plain by the migration as it is', () => {
    expect(openSecret('plain:v1:looks-like-a-sealed-one', key)).toBe('v1:looks-like-a-sealed-one');
    expect(isPlainSecret('plain:anything')).toBe(true);
  });

  it('refuses another key, a tampered value and anything unmarked', () => {
    const sealed = sealSecret('whsec_abc', key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(SecretUnreadableError);
    const [version, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openSecret([version, iv, tag, flipped.toString('base64url')].join(':'), key)).toThrow(
      SecretUnreadableError,
    );
    expect(() => openSecret('whsec_never-marked', key)).toThrow(SecretUnreadableError);
    expect(() => openSecret('v2:a:b:c', key)).toThrow(SecretUnreadableError);
  });
});
