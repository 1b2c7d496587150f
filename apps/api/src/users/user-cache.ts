import { TtlCache } from '../common/ttl-cache';
import type { UserEntity } from './user.entity';

const TTL_MS = 2_000;

/**
 * Every authenticated request needs its user (active? token version?).
 * Keeping them for two seconds saves a database round trip per request;
 * changes made through this process evict at once, and another API
 * instance sees a deactivation or new password within the TTL.
 */
export class UserCache {
  private readonly entries = new TtlCache<string, UserEntity>(TTL_MS);

  get(id: string, now = Date.now()): UserEntity | undefined {
    return this.entries.get(id, now);
  }

  set(user: UserEntity, now = Date.now()): void {
    this.entries.set(user.id, user, now);
  }

  evict(id: string): void {
    this.entries.evict(id);
  }
}
