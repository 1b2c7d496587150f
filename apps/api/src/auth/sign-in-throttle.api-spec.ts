import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUser, PASSWORD, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** A client address of the test's own (TRUST_PROXY's default trusts supertest's loopback proxy hop). */
const newClient = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

describe('sign-in throttling (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const attempt = (email: string, password: string, client: string, app = t) =>
    app.http.post('/api/auth/login').set('X-Forwarded-For', client).send({ email, password });
  const statuses = async (count: number, email: string, client: string, app = t) => {
    const seen: number[] = [];
    for (let i = 0; i < count; i++) seen.push((await attempt(email, 'not-the-password', client, app)).status);
    return seen;
  };

  it('slows the attacker of an e-mail while its owner signs in from their own client', async () => {
    const user = await createUser(t, 'manager');
    const attacker = newClient();
    expect(await statuses(8, user.email, attacker)).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // The right password does not help the attacker's client while its wait runs…
    await attempt(user.email, PASSWORD, attacker).expect(429);
    // …and the owner, elsewhere, is not held back at all.
    await attempt(user.email, PASSWORD, newClient()).expect(200);
  });

  it('doubles the wait with each failure past three, answering 429 problem+json with Retry-After', async () => {
    const user = await createUser(t, 'manager');
    const client = newClient();
    expect(await statuses(3, user.email, client)).toEqual([401, 401, 401]);
    const first = await attempt(user.email, PASSWORD, client).expect(429);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(first.body.detail).toMatch(/Try again in 1 second\b/);

    await sleep(1_100);
    await attempt(user.email, 'still-wrong', client).expect(401);
    const second = await attempt(user.email, PASSWORD, client).expect(429);
    expect(second.headers['retry-after']).toBe('2');

    // Once waited out, the right password gets in and the count starts over.
    await sleep(2_100);
    await attempt(user.email, PASSWORD, client).expect(200);
    expect(await statuses(3, user.email, client)).toEqual([401, 401, 401]);
  });

  it('slows one client guessing across many e-mails, not other clients', async () => {
    const user = await createUser(t, 'manager');
    const client = newClient();
    const tag = uniqueTag().toLowerCase();
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) {
      seen.push((await attempt(`nobody-${i}-${tag}@test.example`, 'guess-guess', client)).status);
    }
    expect(seen).toEqual(Array(20).fill(401));
    const slowed = await attempt(user.email, PASSWORD, client).expect(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await attempt(user.email, PASSWORD, newClient()).expect(200);
  });

  it('shares the counters between API processes through PostgreSQL', async () => {
    const other = await startTestApp();
    try {
      const user = await createUser(t, 'manager');
      const client = newClient();
      await attempt(user.email, 'wrong-one-1', client, t).expect(401);
      await attempt(user.email, 'wrong-one-2', client, other).expect(401);
      await attempt(user.email, 'wrong-one-3', client, t).expect(401);
      await attempt(user.email, PASSWORD, client, other).expect(429);
      const row = await t.dataSource.query(
        `SELECT failures FROM login_failures WHERE scope = 'email_client' AND subject = $1`,
        [`${user.email} ${client}`],
      );
      expect(row).toEqual([{ failures: 3 }]);
    } finally {
      await other.close();
    }
  });

  it('counts every X-Forwarded-For as one client when TRUST_PROXY=false', async () => {
    const direct = await startTestApp({ TRUST_PROXY: 'false' });
    try {
      const user = await createUser(t, 'manager');
      // Spoofed addresses change nothing: all of these come from the loopback peer.
      for (const client of [newClient(), newClient(), newClient()]) {
        await attempt(user.email, 'wrong-password', client, direct).expect(401);
      }
      await attempt(user.email, PASSWORD, newClient(), direct).expect(429);
      // Through a trusted proxy (the default, loopback) each forwarded client counts alone.
      await attempt(user.email, PASSWORD, newClient(), t).expect(200);
    } finally {
      await direct.close();
    }
  });
});
