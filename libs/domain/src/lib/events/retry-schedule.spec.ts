import fc from 'fast-check';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-schedule';

describe('retryDelayMs', () => {
  it('waits 10 s, 30 s, 1.5 min … without jitter (random 0.5)', () => {
    // 10 000 × 3^(n−1): 10 000, 30 000, 90 000, 270 000
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, DEFAULT_RETRY_POLICY, 0.5))).toEqual([
      10_000, 30_000, 90_000, 270_000,
    ]);
  });

  it('never waits longer than the cap (plus jitter), and stops after the last attempt', () => {
    expect(retryDelayMs(11, DEFAULT_RETRY_POLICY, 0.5)).toBe(DEFAULT_RETRY_POLICY.capMs);
    expect(retryDelayMs(12, DEFAULT_RETRY_POLICY, 0.5)).toBeNull();
  });

  it('keeps every delay within ±20 % of its step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, random) => {
          const step = Math.min(10_000 * 3 ** (n - 1), DEFAULT_RETRY_POLICY.capMs);
          const delay = retryDelayMs(n, DEFAULT_RETRY_POLICY, random) ?? -1;
          return delay >= step * 0.8 - 1 && delay <= step * 1.2 + 1;
        },
      ),
    );
  });

  it('keeps retrying for more than a day by default', () => {
    // The waits without jitter, summed over every retry.
    let window = 0;
    for (let attempts = 1; attempts < DEFAULT_RETRY_POLICY.maxAttempts; attempts += 1) {
      window += retryDelayMs(attempts, DEFAULT_RETRY_POLICY, 0.5) ?? 0;
    }
    expect(window).toBeGreaterThan(24 * 3_600_000);
  });
});
