import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOGIN_DELAY, type FailureCounter, type LoginCounters } from '@tradecounter/domain';
import type { LoginFailureScope } from './login-failure.entity';

interface CounterRow {
  scope: LoginFailureScope;
  failures: number;
  last_failure_at: Date;
  now: Date;
}

/** Counters with the database's clock, which stamped them: the app servers' clocks may differ. */
export interface CountersAt {
  counters: LoginCounters;
  now: Date;
}

/** The e-mail/client pair as one key: a space never occurs in a valid e-mail address. */
const pairKey = (email: string, client: string) => `${email} ${client}`;

/** The failed-sign-in counters in PostgreSQL (login_failures), shared by every API process. */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Both counters bearing on an attempt, in one primary-key lookup. */
  async read(email: string, client: string): Promise<CountersAt> {
    const rows: CounterRow[] = await this.dataSource.query(
      `SELECT scope, failures, last_failure_at, now() AS now FROM login_failures
        WHERE (scope, subject) IN (('email_client', $1), ('client', $2))`,
      [pairKey(email, client), client],
    );
    return countersOf(rows);
  }

  /**
   * Counts a failure on both counters in one atomic upsert and returns them
   * as they now stand; a counter idle for the window starts again at 1.
   */
  async recordFailure(email: string, client: string): Promise<CountersAt> {
    const rows: CounterRow[] = await this.dataSource.query(
      `INSERT INTO login_failures AS f (scope, subject, failures, last_failure_at)
       VALUES ('email_client', $1, 1, now()), ('client', $2, 1, now())
       ON CONFLICT (scope, subject) DO UPDATE SET
         failures = CASE WHEN f.last_failure_at > now() - make_interval(secs => $3)
                         THEN f.failures + 1 ELSE 1 END,
         last_failure_at = now()
       RETURNING scope, failures, last_failure_at, now() AS now`,
      [pairKey(email, client), client, LOGIN_DELAY.windowSeconds],
    );
    return countersOf(rows);
  }

  /** A successful sign-in forgets that e-mail's failures from that client (not the client's own count). */
  async clear(email: string, client: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE scope = 'email_client' AND subject = $1`, [
      pairKey(email, client),
    ]);
  }

  /** Drops counters idle for the whole window: they no longer impose anything. */
  async pruneIdle(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_failures WHERE last_failure_at < now() - make_interval(secs => $1)`,
      [LOGIN_DELAY.windowSeconds],
    );
  }
}

function countersOf(rows: CounterRow[]): CountersAt {
  const counters: LoginCounters = {};
  for (const row of rows) {
    const counter: FailureCounter = { failures: row.failures, lastFailureAt: new Date(row.last_failure_at) };
    if (row.scope === 'email_client') counters.emailClient = counter;
    else counters.client = counter;
  }
  return { counters, now: rows[0] ? new Date(rows[0].now) : new Date() };
}
