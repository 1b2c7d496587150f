import { TtlCache } from '../common/ttl-cache';
import type { UserEntity } from './user.entity';

const TTL_MS = 2_000;

/**
 * Every authenticated request needs its user (active? token version?).
 * Keeping them for two seconds saves a database round trip per request. A
 * change to a user (the 'user' change notice) evicts it in every API
 * process at once; the two seconds bound the staleness only while a process
 * has lost its LISTEN connection.
 */
export class UserCache {
  private readonly entries = new TtlCache<string, UserEntity>(TTL_MS);

  get(id: string, now = Date.now()): UserEntity | undefined {
    return this.entries.get(id, now);
  }

  set(user: UserEntity, now = Date.now()): void {
    this.entries.set(user.id, user, now);
  }

  /** The cached user, else `load`'s (not kept if the user changed meanwhile). */
  getOrLoad(id: string, load: () => Promise<UserEntity | null>): Promise<UserEntity | undefined> {
    return this.entries.getOrLoad(id, async () => (await load()) ?? undefined);
  }

  evict(id: string): void {
    this.entries.evict(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
