import { setTimeout as sleep } from 'node:timers/promises';
import { createUser, PASSWORD, TestUser } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { REVOCATION_CACHE_MS } from './session-revocations';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

describe('sessions: refresh-token families and sign-out (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const signIn = async (user: TestUser, app = t): Promise<Pair> =>
    (await app.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200)).body;
  const refresh = (refreshToken: string, app = t) =>
    app.http.post('/api/auth/refresh').send({ refreshToken });
  const me = (accessToken: string, app = t) =>
    app.http.get('/api/me').set('Authorization', `Bearer ${accessToken}`);

  it('keeps one session through rotations, and ends all of it when a spent token comes back', async () => {
    const user = await createUser(t, 'manager');
    const first = await signIn(user);
    const second: Pair = (await refresh(first.refreshToken).expect(200)).body;
    const third: Pair = (await refresh(second.refreshToken).expect(200)).body;
    const otherDevice = await signIn(user);
    await me(third.accessToken).expect(200);

    // Someone replays the first (spent) token: refused, and the session it began ends.
    await refresh(first.refreshToken).expect(401);
    await refresh(third.refreshToken).expect(401);
    await me(third.accessToken).expect(401);
    await me(second.accessToken).expect(401);

    // Another sign-in of the same user is another session, untouched.
    await me(otherDevice.accessToken).expect(200);
    await refresh(otherDevice.refreshToken).expect(200);
  });

  it('revokes the access token on sign-out, as well as the refresh token', async () => {
    const user = await createUser(t, 'warehouse');
    const session = await signIn(user);
    const kept = await signIn(user);
    await me(session.accessToken).expect(200);
    await t.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    const refused = await me(session.accessToken).expect(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await refresh(session.refreshToken).expect(401);
    await me(kept.accessToken).expect(200);
  });

  it(`is refused by every API process within ${REVOCATION_CACHE_MS} ms of a sign-out`, async () => {
    const other = await startTestApp();
    try {
      const user = await createUser(t, 'manager');
      const session = await signIn(user, other);
      await me(session.accessToken, other).expect(200); // now cached as live in the other process
      await t.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await me(session.accessToken, t).expect(401);
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < REVOCATION_CACHE_MS + 1_000) {
        status = (await me(session.accessToken, other)).status;
        if (status === 200) await sleep(100);
      }
      expect(status).toBe(401);
      expect(Date.now() - started).toBeLessThanOrEqual(REVOCATION_CACHE_MS + 500);
    } finally {
      await other.close();
    }
  });

  it('answers sign-out of an unknown token 204 and refresh of one 401, a malformed one 400', async () => {
    await t.http
      .post('/api/auth/logout')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(204);
    await refresh('y'.repeat(43)).expect(401);
    await refresh('short').expect(400);
    await t.http.post('/api/auth/logout').send({}).expect(400);
  });
});
