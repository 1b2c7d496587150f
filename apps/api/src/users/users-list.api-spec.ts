import type { InternalUser } from '@tradecounter/contracts';
import { bearer, createUser, TestUser, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('staff users list', () => {
  let t: TestApp;
  let admin: TestUser;
  const tag = uniqueTag();
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t, 'admin');
    const inactive = await createUser(t, 'warehouse', null, { name: `Sortable ${tag} b` });
    await t.dataSource.query('UPDATE users SET active = false WHERE id = $1', [inactive.id]);
    await createUser(t, 'manager', null, { name: `Sortable ${tag} a` });
    await createUser(t, 'account_manager', null, { name: `Sortable ${tag} c` });
  });
  afterAll(() => t.close());

  const names = async (query: string) =>
    (
      (await t.http.get(`/api/users?search=${tag}${query}`).set(bearer(admin)).expect(200)).body
        .items as InternalUser[]
    ).map((user) => user.name.slice(-1));

  it('lists by name, or by a whitelisted column either way; other columns are a 400', async () => {
    expect(await names('')).toEqual(['a', 'b', 'c']);
    expect(await names('&sort=name&dir=desc')).toEqual(['c', 'b', 'a']);
    expect(await names('&sort=role')).toEqual(['c', 'a', 'b']);
    expect(await names('&sort=active&dir=asc')).toEqual(['b', expect.any(String), expect.any(String)]);
    const unknown = await t.http.get('/api/users?sort=passwordHash').set(bearer(admin)).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('sort must be one of: name, email, role, active');
  });
});
