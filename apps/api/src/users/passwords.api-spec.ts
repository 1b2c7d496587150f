import {
  bearer,
  createAccount,
  createUser,
  createWorld,
  login,
  PASSWORD,
  uniqueTag,
  World,
} from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** 11, 129 and a common password of 12+ characters (from the zxcvbn-ts list), in mixed case. */
const REFUSED = [
  { password: 'eleven-char', message: 'must be at least 12 characters' },
  { password: 'x'.repeat(129), message: 'must be at most 128 characters' },
  { password: 'QWERTY123456', message: 'is a commonly used password; choose another' },
];
/** Exactly 12 characters, no composition rule met on purpose. */
const ACCEPTED = 'plum tree ok';

describe('passwords set through the API (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const newEmail = () => `pw-${uniqueTag()}@test.example`.toLowerCase();

  it('refuses short, long and common passwords for a new staff user, and accepts 12 plain characters', async () => {
    for (const { password, message } of REFUSED) {
      const email = newEmail();
      const response = await t.http
        .post('/api/users')
        .set(bearer(w.admin))
        .send({ email, name: 'Pat', role: 'warehouse', password })
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual([{ field: 'password', message }]);
      await t.http.post('/api/auth/login').send({ email, password }).expect(401);
    }
    const notText = await t.http
      .post('/api/users')
      .set(bearer(w.admin))
      .send({ email: newEmail(), name: 'Pat', role: 'warehouse', password: 123456789012345 })
      .expect(400);
    expect(notText.body.errors).toEqual([{ field: 'password', message: 'must be a string' }]);
    const email = newEmail();
    await t.http
      .post('/api/users')
      .set(bearer(w.admin))
      .send({ email, name: 'Pat', role: 'warehouse', password: ACCEPTED })
      .expect(201);
    await login(t, email, ACCEPTED);
  });

  it("refuses them when an admin changes a staff user's password, and keeps the old one", async () => {
    const staff = await createUser(t, 'warehouse');
    for (const { password, message } of REFUSED) {
      const response = await t.http
        .patch(`/api/users/${staff.id}`)
        .set(bearer(w.admin))
        .send({ password })
        .expect(400);
      expect(response.body.errors).toEqual([{ field: 'password', message }]);
    }
    await t.http.get('/api/me').set(bearer(staff)).expect(200);
  });

  it('refuses them for account users, created or changed', async () => {
    const account = await createAccount(t);
    const approver = await createUser(t, 'approver', account.id);
    const buyer = await createUser(t, 'buyer', account.id);
    for (const { password, message } of REFUSED) {
      const created = await t.http
        .post(`/api/accounts/${account.id}/users`)
        .set(bearer(approver))
        .send({ email: newEmail(), name: 'Bo', role: 'buyer', password })
        .expect(400);
      expect(created.body.errors).toEqual([{ field: 'password', message }]);
      const changed = await t.http
        .patch(`/api/accounts/${account.id}/users/${buyer.id}`)
        .set(bearer(approver))
        .send({ password })
        .expect(400);
      expect(changed.body.errors).toEqual([{ field: 'password', message }]);
    }
    await t.http
      .post(`/api/accounts/${account.id}/users`)
      .set(bearer(approver))
      .send({ email: newEmail(), name: 'Bo', role: 'buyer', password: ACCEPTED })
      .expect(201);
  });

  it('refuses them when users change their own password', async () => {
    const user = await createUser(t, 'manager');
    for (const { password, message } of REFUSED) {
      const response = await t.http
        .post('/api/auth/password')
        .set(bearer(user))
        .send({ currentPassword: PASSWORD, newPassword: password })
        .expect(400);
      expect(response.body.errors).toEqual([{ field: 'newPassword', message }]);
    }
    await t.http
      .post('/api/auth/password')
      .set(bearer(user))
      .send({ currentPassword: PASSWORD, newPassword: ACCEPTED })
      .expect(204);
    await login(t, user.email, ACCEPTED);
  });
});
