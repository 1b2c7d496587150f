/** How a failed webhook delivery is retried. */
export interface RetryPolicy {
  /** The first retry's delay; each next one is three times longer (10 s, 30 s, 1.5 min, 4.5 min …). */
  baseMs: number;
  /** No single wait is longer than this (6 h by default). */
  capMs: number;
  /** Attempts in all, the first included; then the delivery has failed. */
  maxAttempts: number;
}

/** 10 s, 30 s, 1.5 min … capped at 6 h: 12 attempts span about 33 hours, more than a day of outage. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 10_000, capMs: 6 * 3_600_000, maxAttempts: 12 };

/**
 * The wait before the next attempt after `attempts` failed ones, or null
 * when there is none left. Jitter (±20 %, from `random` in [0, 1)) spreads
 * the retries of many deliveries that failed together.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const exponential = Math.min(policy.baseMs * 3 ** Math.max(0, attempts - 1), policy.capMs);
  const jitter = 0.8 + 0.4 * Math.min(Math.max(random, 0), 1);
  return Math.round(exponential * jitter);
}
