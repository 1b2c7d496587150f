import { apiKeyMatches, apiKeyPrefix, hashApiKey, newApiKey } from './api-key';

describe('integration API keys', () => {
  it('are unique, carry their prefix, and match only their own hash', () => {
    const one = newApiKey();
    const two = newApiKey();
    expect(one.key).not.toBe(two.key);
    expect(one.key).toMatch(/^tck_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyPrefix(one.key)).toBe(one.prefix);
    expect(one.hash).toBe(hashApiKey(one.key));
    expect(apiKeyMatches(one.key, one.hash)).toBe(true);
    expect(apiKeyMatches(two.key, one.hash)).toBe(false);
    expect(apiKeyMatches(`${one.key.slice(0, -1)}x`, one.hash)).toBe(false);
  });

  it('refuses anything not shaped like a key', () => {
    for (const bad of [
      '',
      'tck_',
      'Bearer x',
      `tck_short_${'a'.repeat(43)}`,
      `tck_abcdefghij_${'a'.repeat(42)}`,
    ]) {
      expect(apiKeyPrefix(bad)).toBeNull();
    }
  });
});
