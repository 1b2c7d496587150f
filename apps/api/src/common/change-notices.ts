import { Global, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../database/after-commit';
import { PgListener } from '../database/pg-listener';
import { PgListenerModule } from '../database/pg-listener.module';

/**
 * What changed; the key says which one:
 * - account: an account (its tier, its default warehouse, …), by id;
 * - user: a user (active, role, password, token version), by id;
 * - session: a revoked session, by id;
 * - pricing: an account's prices (contract prices) by account id, or every
 *   account's (a tier's discount, breaks or fixed prices): EVERYTHING;
 * - calendar: the warehouses' promise settings and the holidays: EVERYTHING.
 */
export type ChangeTopic = 'account' | 'user' | 'session' | 'pricing' | 'calendar';

/** The key of a change to everything of a topic. */
export const EVERYTHING = '*';

const TOPICS: readonly ChangeTopic[] = ['account', 'user', 'session', 'pricing', 'calendar'];

/** The NOTIFY channel every API process listens on. */
export const CHANGES_CHANNEL = 'tc_changes';

/**
 * A notice's keys fit well under PostgreSQL's 8000-byte payload limit; a
 * longer list (an import) is sent as EVERYTHING, one notice either way.
 */
const MAX_KEYS_LENGTH = 7_000;

type Listener = (key: string) => void;

/**
 * Notices that a change has committed, so a process can drop what it cached
 * of the data (a user, an account's prices) without reaching into the
 * context that owns it; in every API process, through PostgreSQL.
 *
 * `changed` issues `pg_notify` in the writing transaction: PostgreSQL
 * delivers it when, and only if, that transaction commits, to every process
 * listening (PgListener), which hands it to the listeners of its topic. The
 * writing process also hears it at once and again after its commit (without
 * waiting for its own notice to come back), so its next request sees the
 * change. When the LISTEN connection was lost, notices may have been missed:
 * on reconnecting, every listener hears EVERYTHING. Until then the caches'
 * own expiry bounds how stale they can be.
 *
 * Listeners run synchronously and must not throw.
 */
@Injectable()
export class ChangeNotices implements OnApplicationBootstrap {
  private readonly listeners = new Map<ChangeTopic, Listener[]>();

  constructor(private readonly pg: PgListener) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.pg.listen(CHANGES_CHANNEL, (payload) => this.heard(payload));
  }

  on(topic: ChangeTopic, listener: Listener): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  /**
   * Announces a change made in `manager`'s transaction (or, outside one, just
   * made): one notice, whatever the number of keys.
   */
  async changed(
    manager: EntityManager,
    topic: ChangeTopic,
    keys: string | readonly string[] = EVERYTHING,
  ): Promise<void> {
    const unique = [...new Set(typeof keys === 'string' ? [keys] : keys)];
    if (unique.length === 0) return;
    const joined = unique.includes(EVERYTHING) ? EVERYTHING : unique.join(',');
    const sent = joined.length > MAX_KEYS_LENGTH ? [EVERYTHING] : joined.split(',');
    this.deliver(topic, sent);
    await manager.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `${topic}:${sent.join(',')}`]);
    // A read made while the transaction was open may have cached the old value again.
    if (manager.queryRunner?.isTransactionActive) afterCommit(manager, async () => this.deliver(topic, sent));
  }

  private heard(payload: string | undefined): void {
    if (payload === undefined) {
      for (const topic of TOPICS) this.deliver(topic, [EVERYTHING]);
      return;
    }
    const separator = payload.indexOf(':');
    const topic = payload.slice(0, separator) as ChangeTopic;
    if (separator < 0 || !TOPICS.includes(topic)) return;
    this.deliver(topic, payload.slice(separator + 1).split(','));
  }

  private deliver(topic: ChangeTopic, keys: readonly string[]): void {
    for (const listener of this.listeners.get(topic) ?? []) {
      for (const key of keys) listener(key);
    }
  }
}

@Global()
@Module({ imports: [PgListenerModule], providers: [ChangeNotices], exports: [ChangeNotices] })
export class ChangeNoticesModule {}
