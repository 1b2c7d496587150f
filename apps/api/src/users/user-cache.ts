import type { UserEntity } from './user.entity';

const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * Every authenticated request needs its user (active? token version?).
 * Keeping them for two seconds saves a database round trip per request;
 * changes made through this process evict at once, and another API
 * instance sees a deactivation or new password within the TTL.
 */
export class UserCache {
  private readonly entries = new Map<string, { user: UserEntity; expiresAt: number }>();

  get(id: string, now = Date.now()): UserEntity | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.user;
  }

  set(user: UserEntity, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(user.id, { user, expiresAt: now + TTL_MS });
  }

  evict(id: string): void {
    this.entries.delete(id);
  }
}
