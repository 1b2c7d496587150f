/** One failure counter as stored: how many failures, the last one when. */
export interface FailureCounter {
  failures: number;
  lastFailureAt: Date;
}

/** The counters that bear on one sign-in attempt; absent when there were no recent failures. */
export interface LoginCounters {
  /** Failures for this e-mail from this client. */
  emailClient?: FailureCounter;
  /** Failures from this client across every e-mail. */
  client?: FailureCounter;
}

export interface LoginDelayRule {
  /** Failures allowed before any wait. */
  freeFailures: number;
}

/**
 * Counting is keyed by (e-mail, client) and by client, never by e-mail
 * alone: a limit on an e-mail from anywhere is a lever for locking its owner
 * out, so an attacker elsewhere only ever slows themselves. Each failure past
 * the free ones doubles the wait (1 s, 2 s, 4 s … up to 5 min) counted from
 * the last failure; a counter idle for the window starts again.
 */
export const LOGIN_DELAY = {
  emailClient: { freeFailures: 3 } as LoginDelayRule,
  client: { freeFailures: 20 } as LoginDelayRule,
  baseSeconds: 1,
  capSeconds: 300,
  /** A counter whose last failure is older than this is forgotten. */
  windowSeconds: 900,
} as const;

/** The wait a counter imposes after its last failure, in seconds (0 within the free failures). */
export function delayAfterFailures(failures: number, rule: LoginDelayRule): number {
  const excess = failures - rule.freeFailures;
  if (excess < 0) return 0;
  // 2 ** excess grows past the cap long before it could overflow; the min keeps it there.
  return Math.min(LOGIN_DELAY.capSeconds, LOGIN_DELAY.baseSeconds * 2 ** Math.min(excess, 30));
}

/** Whole seconds an attempt must still wait (0: it may go ahead), the longer of the two counters. */
export function loginWaitSeconds(counters: LoginCounters, now: Date): number {
  return Math.max(
    remainingSeconds(counters.emailClient, LOGIN_DELAY.emailClient, now),
    remainingSeconds(counters.client, LOGIN_DELAY.client, now),
  );
}

function remainingSeconds(counter: FailureCounter | undefined, rule: LoginDelayRule, now: Date): number {
  if (!counter) return 0;
  const sinceMs = now.getTime() - counter.lastFailureAt.getTime();
  if (sinceMs >= LOGIN_DELAY.windowSeconds * 1000) return 0;
  const remainingMs = delayAfterFailures(counter.failures, rule) * 1000 - sinceMs;
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}
