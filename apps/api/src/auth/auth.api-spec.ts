import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createUser, login, PASSWORD, uniqueTag } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('auth (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const sign = (
    claims: Record<string, unknown>,
    options: { alg?: string; secret?: string; exp?: number; iss?: string; aud?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'HS256' })
      .setIssuer(options.iss ?? t.config.jwt.issuer)
      .setAudience(options.aud ?? t.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 60)
      .sign(new TextEncoder().encode(options.secret ?? t.config.jwt.secret));

  it('signs in and answers /me with the user, never the hash', async () => {
    const admin = await createUser(t, 'admin');
    const response = await t.http
      .post('/api/auth/login')
      .send({ email: admin.email.toUpperCase(), password: PASSWORD })
      .expect(200);
    expect(response.body).toMatchObject({
      expiresIn: 900,
      user: { id: admin.id, email: admin.email, role: 'admin', accountId: null },
    });
    expect(typeof response.body.refreshToken).toBe('string');
    const me = await t.http
      .get('/api/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual({
      id: admin.id,
      email: admin.email,
      name: expect.any(String),
      role: 'admin',
      accountId: null,
    });
    expect(JSON.stringify(me.body)).not.toContain('argon2');
  });

  it('keeps customer users tied to an account in the database itself', async () => {
    await expect(createUser(t, 'buyer', null)).rejects.toThrow(/users_customer_account_check/);
  });

  it('answers an unknown email and a wrong password the same way, in similar time', async () => {
    const user = await createUser(t, 'manager');
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      const response = await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.200')
        .send({ email, password: 'wrong-password' });
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const wrongPassword = await timed(user.email);
    const unknownEmail = await timed(`nobody-${uniqueTag()}@test.example`);
    expect(wrongPassword.response.status).toBe(401);
    expect(unknownEmail.response.status).toBe(401);
    expect(unknownEmail.response.headers['content-type']).toContain('application/problem+json');
    expect(unknownEmail.response.body.detail).toBe(wrongPassword.response.body.detail);
    // Both run one argon2 verification; neither returns early.
    expect(unknownEmail.ms).toBeGreaterThan(wrongPassword.ms / 4);
    expect(wrongPassword.ms).toBeGreaterThan(unknownEmail.ms / 4);
  });

  it('refuses tokens that are unsigned, expired, forged or for another audience', async () => {
    const user = await createUser(t, 'manager');
    const base = { sub: user.id, ver: 0, sid: randomUUID() };
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        ...base,
        iss: t.config.jwt.issuer,
        aud: t.config.jwt.audience,
        exp: Math.floor(Date.now() / 1000) + 60,
        iat: Math.floor(Date.now() / 1000),
      }),
    ).toString('base64url');
    const tokens = {
      algNone: `${header}.${payload}.`,
      expired: await sign(base, { exp: Math.floor(Date.now() / 1000) - 10 }),
      forged: await sign(base, { secret: 'another-secret-another-secret-another-secret' }),
      wrongAudience: await sign(base, { aud: 'someone-else' }),
      wrongIssuer: await sign(base, { iss: 'someone-else' }),
      garbage: 'not-a-jwt',
      withoutSession: await sign({ sub: user.id, ver: 0 }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const response = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`);
      expect({ name, status: response.status }).toEqual({ name, status: 401 });
    }
    await t.http
      .get('/api/me')
      .set('Authorization', `Bearer ${await sign(base)}`)
      .expect(200);
  });

  it('refreshes once per refresh token and ends the session on logout', async () => {
    const user = await createUser(t, 'manager');
    const first = (
      await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200)
    ).body;
    const second = (
      await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    expect(second.user.id).toBe(user.id);
    await t.http.get('/api/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);
    await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.post('/api/auth/logout').send({ refreshToken: second.refreshToken }).expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('lets only one of concurrent refreshes with the same token succeed, and ends that session', async () => {
    const user = await createUser(t, 'manager');
    const { refreshToken } = (
      await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD })
    ).body;
    const responses = await Promise.all(
      [1, 2, 3].map(() => t.http.post('/api/auth/refresh').send({ refreshToken })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    // The losers presented a spent token: a copy is about, so the winner's new pair dies with the session.
    const [winner] = responses.filter((r) => r.status === 200).map((r) => r.body);
    await t.http.post('/api/auth/refresh').send({ refreshToken: winner.refreshToken }).expect(401);
    await t.http.get('/api/me').set('Authorization', `Bearer ${winner.accessToken}`).expect(401);
  });

  it('revokes every token when a user is deactivated or changes password', async () => {
    const admin = await createUser(t, 'admin');
    const staff = await createUser(t, 'warehouse');
    const { refreshToken } = (
      await t.http.post('/api/auth/login').send({ email: staff.email, password: PASSWORD })
    ).body;
    await t.http
      .patch(`/api/users/${staff.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ active: false })
      .expect(200);
    await t.http.get('/api/me').set('Authorization', `Bearer ${staff.token}`).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
    await t.http.post('/api/auth/login').send({ email: staff.email, password: PASSWORD }).expect(401);

    const manager = await createUser(t, 'manager');
    await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ currentPassword: 'wrong', newPassword: 'a-new-password-1' })
      .expect(400);
    await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ currentPassword: PASSWORD, newPassword: 'a-new-password-1' })
      .expect(204);
    await t.http.get('/api/me').set('Authorization', `Bearer ${manager.token}`).expect(401);
    const fresh = await login(t, manager.email, 'a-new-password-1');
    await t.http.get('/api/me').set('Authorization', `Bearer ${fresh}`).expect(200);
  });
});
