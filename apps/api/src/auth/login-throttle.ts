import { HttpStatus, Injectable } from '@nestjs/common';
import { loginWaitSeconds, type LoginCounters } from '@tradecounter/domain';
import { ProblemException } from '../common/http/problem';
import { LoginFailuresRepository } from './login-failures.repository';

const PRUNE_EVERY_MS = 60_000;

/**
 * Slows password guessing without handing anyone a lever to lock a user out:
 * failures count per (e-mail, client) and per client, in PostgreSQL, and
 * only those counters impose waits (rules: LOGIN_DELAY in libs/domain). The
 * owner of an e-mail signing in from their own client is never held back
 * by an attacker's failures elsewhere.
 */
@Injectable()
export class LoginThrottle {
  private lastPruneAt = 0;

  constructor(private readonly failures: LoginFailuresRepository) {}

  /**
   * Refuses the attempt (429 with Retry-After) while a wait is due.
   * Returns whether this e-mail has failures from this client, so a
   * success knows whether there is anything to clear.
   */
  async admit(email: string, client: string): Promise<{ hasFailures: boolean }> {
    const { counters, now } = await this.failures.read(email, client);
    const wait = loginWaitSeconds(counters, now);
    if (wait > 0) throw tooManyAttempts(wait);
    return { hasFailures: counters.emailClient !== undefined };
  }

  /** Counts a failure; the answer stays 401, a wait applies from the next attempt. */
  async recordFailure(email: string, client: string): Promise<LoginCounters> {
    const { counters } = await this.failures.recordFailure(email, client);
    await this.pruneNowAndThen();
    return counters;
  }

  async recordSuccess(email: string, client: string, hadFailures: boolean): Promise<void> {
    // Only when there is something to forget: the common sign-in costs no write.
    if (hadFailures) await this.failures.clear(email, client);
  }

  /** At most once a minute per process, on the failure path only. */
  private async pruneNowAndThen(now = Date.now()): Promise<void> {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    await this.failures.pruneIdle();
  }
}

function tooManyAttempts(wait: number): ProblemException {
  return new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    `Too many failed sign-ins. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    undefined,
    { 'Retry-After': String(wait) },
  );
}
