import type { AccountUser, LoginResponse } from '@tradecounter/contracts';
import { bearer, createWorld, uniqueTag, World } from '../test-support/fixtures';
import { invitationLink, invitationsTo } from '../test-support/invitation-mail';
import { SmtpSink } from '../test-support/smtp-sink';
import { startTestApp, TestApp } from '../test-support/test-app';

const NEW_PASSWORD = 'a-long-enough-secret-7';

/**
 * Invited users: an account user added without a password is e-mailed a
 * single-use link to /set-password, cannot sign in before using it, and
 * can afterwards.
 */
describe('invitations', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let w: World;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example/' });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function invite(by = w.admin): Promise<AccountUser> {
    const email = `invited-${uniqueTag()}@test.example`.toLowerCase();
    const response = await t.http
      .post(`/api/accounts/${w.mine.id}/users`)
      .set(bearer(by))
      .send({ email, name: 'Ivy Invited', role: 'buyer' })
      .expect(201);
    return response.body as AccountUser;
  }

  const signIn = (email: string, password: string) =>
    t.http.post('/api/auth/login').send({ email, password });
  const setPassword = (token: string, password = NEW_PASSWORD) =>
    t.http.post('/api/auth/set-password').send({ token, password });

  it('e-mails a working link; the user cannot sign in before setting a password, and can after', async () => {
    const user = await invite();
    expect(user).toMatchObject({ role: 'buyer', accountId: w.mine.id, active: true, invited: true });
    await signIn(user.email, '!no-password').expect(401);
    await signIn(user.email, '').expect(400);

    const link = await invitationLink(smtp, user.email);
    expect(link.origin + link.pathname).toBe('https://portal.example/set-password');
    const token = link.searchParams.get('token') as string;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await t.dataSource.query(
      `SELECT token_hash, expires_at FROM user_invitations WHERE user_id = $1`,
      [user.id],
    );
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(token);
    const days = (new Date(stored[0].expires_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // The same rules as any new password.
    const weak = await setPassword(token, 'short').expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);

    const session = (await setPassword(token).expect(200)).body as LoginResponse;
    expect(session.user).toMatchObject({ id: user.id, email: user.email });
    await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
    await signIn(user.email, NEW_PASSWORD).expect(200);

    const used = await setPassword(token, 'another-long-secret-8').expect(400);
    expect(used.body.detail).toMatch(/expired, was already used/);
    await signIn(user.email, 'another-long-secret-8').expect(401);

    const users = (await t.http.get(`/api/accounts/${w.mine.id}/users`).set(bearer(w.admin)).expect(200))
      .body as AccountUser[];
    expect(users.find((u) => u.id === user.id)?.invited).toBe(false);

    const audit = await t.http
      .get(`/api/audit?entity=user&entityId=${user.id}`)
      .set(bearer(w.admin))
      .expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'create',
          actorId: w.admin.id,
          after: expect.objectContaining({ invited: true }),
        }),
        expect.objectContaining({
          action: 'update',
          actorId: user.id,
          after: expect.objectContaining({ passwordSet: true }),
        }),
      ]),
    );
  });

  it('refuses an expired link and an unknown one', async () => {
    const user = await invite();
    const token = (await invitationLink(smtp, user.email)).searchParams.get('token') as string;
    await t.dataSource.query(
      `UPDATE user_invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const expired = await setPassword(token).expect(400);
    expect(expired.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
    await setPassword('x'.repeat(43)).expect(400);
    await signIn(user.email, NEW_PASSWORD).expect(401);
  });

  it('a resend replaces the link, at most once a minute, and not once the password is set', async () => {
    const user = await invite(w.approver);
    const first = (await invitationLink(smtp, user.email)).searchParams.get('token') as string;
    const resend = () => t.http.post(`/api/accounts/${w.mine.id}/users/${user.id}/invite`);

    const tooSoon = await resend().set(bearer(w.admin)).expect(429);
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    await t.dataSource.query(
      `UPDATE user_invitations SET created_at = now() - interval '2 minutes' WHERE user_id = $1`,
      [user.id],
    );
    await resend().set(bearer(w.buyer)).expect(403);
    // Another account's approver does not see this account at all.
    await resend().set(bearer(w.otherApprover)).expect(404);
    await resend().set(bearer(w.approver)).expect(204);

    const second = (await invitationLink(smtp, user.email, 2)).searchParams.get('token') as string;
    expect(second).not.toBe(first);
    await setPassword(first).expect(400);
    await setPassword(second).expect(200);

    await t.dataSource.query(
      `UPDATE user_invitations SET created_at = now() - interval '2 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const done = await resend().set(bearer(w.admin)).expect(409);
    expect(done.body.detail).toMatch(/already set a password/);
  });

  it('staff setting a password withdraws the link; adding a user with a password invites no one', async () => {
    const user = await invite();
    const token = (await invitationLink(smtp, user.email)).searchParams.get('token') as string;
    await t.http
      .patch(`/api/accounts/${w.mine.id}/users/${user.id}`)
      .set(bearer(w.admin))
      .send({ password: 'set-by-the-admin-42' })
      .expect(200);
    await setPassword(token).expect(400);
    await signIn(user.email, 'set-by-the-admin-42').expect(200);

    const email = `direct-${uniqueTag()}@test.example`.toLowerCase();
    const direct = await t.http
      .post(`/api/accounts/${w.mine.id}/users`)
      .set(bearer(w.admin))
      .send({ email, name: 'Dee Direct', role: 'approver', password: 'chosen-by-admin-42' })
      .expect(201);
    expect(direct.body.invited).toBe(false);
    await signIn(email, 'chosen-by-admin-42').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(invitationsTo(smtp, email)).toHaveLength(0);
  });
});
