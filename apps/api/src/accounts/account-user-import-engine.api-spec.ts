import type { ImportResult } from '@tradecounter/contracts';
import { bearer, createAccount, createUser, TestUser, uniqueTag } from '../test-support/fixtures';
import { invitationLink, invitationsTo } from '../test-support/invitation-mail';
import { SmtpSink } from '../test-support/smtp-sink';
import { startTestApp, TestApp } from '../test-support/test-app';

/** The account-users kind through the engine's HTTP routes: a CSV dry run, its commit, the export. */
describe('account-users through the imports engine', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: TestUser;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example' });
    admin = await createUser(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  const upload = (csv: string, query = 'dryRun=true') =>
    t.http
      .post(`/api/imports/account-users?${query}&fileName=users.csv`)
      .set(bearer(admin))
      .set('Content-Type', 'text/csv')
      .send(csv);

  it('dry run, commit (inviting the new users after it), export and the same file again', async () => {
    const account = await createAccount(t);
    const a = `eng-a-${uniqueTag()}@test.example`.toLowerCase();
    const b = `eng-b-${uniqueTag()}@test.example`.toLowerCase();
    const csv = `email,name,accountCode,role,orderLimit,active\n${a},Ann,${account.code},buyer,100,true\n${b},Bob,${account.code},approver,,true\n`;
    const dry = (await upload(csv).expect(200)).body as ImportResult;
    expect(dry.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });
    expect(invitationsTo(smtp, a)).toHaveLength(0);
    await t.http.post(`/api/imports/${dry.id}/commit`).set(bearer(admin)).expect(200);
    await invitationLink(smtp, a);
    await invitationLink(smtp, b);

    const again = (await upload(csv).expect(200)).body as ImportResult;
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });

    const exported = await t.http.get('/api/exports/account-users').set(bearer(admin)).expect(200);
    const text = String(exported.text ?? exported.body);
    expect(text.split(/\r?\n/)[0]).toBe('email,name,accountCode,role,orderLimit,active');
    expect(text).toContain(`${a},Ann,${account.code},buyer,100.00,true`);
    expect(text).not.toMatch(/argon2|no-password/);

    const withPassword = await upload(
      `email,name,accountCode,role,password\n${a},Ann,${account.code},buyer,secret-secret-1\n`,
    );
    expect(withPassword.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(withPassword.body)).toMatch(/password/);
  });
});
