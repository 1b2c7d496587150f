import { UserCache } from './user-cache';
import type { UserEntity } from './user.entity';

describe('UserCache', () => {
  const user = { id: 'u1', tokenVersion: 0 } as UserEntity;

  it('keeps a user for two seconds, then forgets it', () => {
    const cache = new UserCache();
    cache.set(user, 1_000);
    expect(cache.get('u1', 2_999)).toBe(user);
    expect(cache.get('u1', 3_000)).toBeUndefined();
  });

  it('forgets a user at once when evicted', () => {
    const cache = new UserCache();
    cache.set(user, 0);
    cache.evict('u1');
    expect(cache.get('u1', 1)).toBeUndefined();
  });
});
