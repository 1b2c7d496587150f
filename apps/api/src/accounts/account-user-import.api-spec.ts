import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { ExportRecord, ImportContext, ImportRow, RowPlan } from '../imports/import-kind';
import { bearer, createAccount, createWorld, uniqueTag, World } from '../test-support/fixtures';
import { invitationLink, invitationsTo } from '../test-support/invitation-mail';
import { SmtpSink } from '../test-support/smtp-sink';
import { startTestApp, TestApp } from '../test-support/test-app';
import { AccountUserImport } from './account-user-import';

const rowsOf = (values: Record<string, string>[]): ImportRow[] =>
  values.map((cells, index) => ({ row: index + 2, values: cells }));
const summary = (plans: RowPlan[]) => plans.map((plan) => [plan.key, plan.action]);

/** The account-users import kind, driven as the engine drives it: plan, then plan and apply in one transaction. */
describe('account-users import', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let w: World;
  let handler: AccountUserImport;
  let actor: AuthUser;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example' });
    w = await createWorld(t);
    handler = t.app.get(AccountUserImport);
    actor = { id: w.admin.id, role: 'admin', accountId: null, email: w.admin.email, name: 'Admin' };
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const context = (manager: EntityManager, importId = randomUUID()): ImportContext => ({
    manager,
    actor,
    importId,
  });
  const dryRun = (rows: ImportRow[]) => handler.plan(rows, context(t.dataSource.manager));
  const commit = (rows: ImportRow[], importId = randomUUID()) =>
    t.dataSource.transaction(async (tx) => {
      const plans = await handler.plan(rows, context(tx, importId));
      await handler.apply(plans, context(tx, importId));
      return plans;
    });
  const newEmail = (who: string) => `${who}-${uniqueTag()}@test.example`.toLowerCase();

  it('never takes a password: the file has no such column', () => {
    expect(handler.info.kind).toBe('account-users');
    expect(handler.info.columns.map((column) => column.name)).toEqual([
      'email',
      'name',
      'accountCode',
      'role',
      'orderLimit',
      'active',
    ]);
  });

  it('plans create, update, unchanged and errors with the API rules; committing twice changes nothing', async () => {
    const account = await createAccount(t);
    const created = newEmail('new');
    const rows = rowsOf([
      {
        email: created.toUpperCase(),
        name: 'Nora New',
        accountCode: account.code.toLowerCase(),
        role: 'approver',
        orderLimit: '250',
      },
      {
        email: w.buyer.email,
        name: 'Renamed Buyer',
        accountCode: w.mine.code,
        role: 'buyer',
        orderLimit: '500.00',
      },
      { email: w.approver.email, accountCode: w.mine.code, role: 'approver' },
      { email: w.admin.email, name: 'Staff', accountCode: w.mine.code, role: 'buyer' },
      { email: newEmail('nowhere'), name: 'No Account', accountCode: 'NO-SUCH-ACCOUNT', role: 'buyer' },
      { email: newEmail('boss'), name: 'Boss', accountCode: account.code, role: 'admin' },
      { email: newEmail('noname'), accountCode: account.code, role: 'buyer' },
      {
        email: newEmail('limit'),
        name: 'Bad Limit',
        accountCode: account.code,
        role: 'buyer',
        orderLimit: '12.345',
      },
      { email: w.otherBuyer.email, name: 'Mover', accountCode: w.mine.code },
      { email: created, name: 'Twice', accountCode: account.code, role: 'buyer' },
      { email: w.otherApprover.email, active: 'maybe' },
      { email: 'not-an-email', name: 'X', accountCode: account.code, role: 'buyer' },
    ]);

    const planned = await dryRun(rows);
    expect(summary(planned)).toEqual([
      [created, 'create'],
      [w.buyer.email, 'update'],
      [w.approver.email, 'unchanged'],
      [w.admin.email, 'error'],
      [expect.any(String), 'error'],
      [expect.any(String), 'error'],
      [expect.any(String), 'error'],
      [expect.any(String), 'error'],
      [w.otherBuyer.email, 'error'],
      [created, 'error'],
      [w.otherApprover.email, 'error'],
      ['not-an-email', 'error'],
    ]);
    const errors = planned.map((plan) =>
      plan.errors.map((error) => `${error.field}: ${error.message}`).join('; '),
    );
    expect(errors[3]).toBe('email: belongs to a staff user');
    expect(errors[4]).toBe('accountCode: no account has the code NO-SUCH-ACCOUNT');
    expect(errors[5]).toMatch(/^role: /);
    expect(errors[6]).toBe('name: is required');
    expect(errors[7]).toMatch(/^orderLimit: /);
    expect(errors[8]).toBe(`accountCode: cannot change: the user belongs to account ${w.theirs.code}`);
    expect(errors[9]).toBe('email: appears more than once in the file');
    expect(errors[10]).toBe('active: must be true or false');
    expect(errors[11]).toMatch(/^email: /);
    expect(planned[1]).toMatchObject({
      before: { name: expect.any(String), orderLimit: '500.00', active: 'true' },
      after: { name: 'Renamed Buyer', orderLimit: '500.00', accountCode: w.mine.code },
    });
    expect(planned[0]?.after).toEqual({
      email: created,
      name: 'Nora New',
      accountCode: account.code,
      role: 'approver',
      orderLimit: '250.00',
      active: 'true',
    });

    // The good rows only, as the engine commits nothing while any row has an error.
    const good = rows.slice(0, 3);
    const importId = randomUUID();
    expect(summary(await commit(good, importId))).toEqual(summary(planned.slice(0, 3)));
    const user = await t.dataSource.query(
      `SELECT name, role, order_limit, active, password_hash FROM users WHERE email = $1`,
      [created],
    );
    expect(user[0]).toMatchObject({
      name: 'Nora New',
      role: 'approver',
      order_limit: '250.00',
      active: true,
    });
    expect((await t.dataSource.query(`SELECT name FROM users WHERE id = $1`, [w.buyer.id]))[0].name).toBe(
      'Renamed Buyer',
    );

    // The change set: one entry per changed record, none for the unchanged row.
    const entries = await t.dataSource.query(
      `SELECT entity, entity_id, action, actor_id, before, after FROM audit_entries WHERE change_set_id = $1 ORDER BY action`,
      [importId],
    );
    expect(entries).toEqual([
      expect.objectContaining({
        entity: 'user',
        action: 'create',
        actor_id: w.admin.id,
        after: expect.objectContaining({
          email: created,
          accountId: account.id,
          invited: true,
          orderLimit: '250.00',
        }),
      }),
      expect.objectContaining({
        entity: 'user',
        entity_id: w.buyer.id,
        action: 'update',
        after: { name: 'Renamed Buyer' },
      }),
    ]);

    expect(summary(await dryRun(good))).toEqual([
      [created, 'unchanged'],
      [w.buyer.email, 'unchanged'],
      [w.approver.email, 'unchanged'],
    ]);
    expect(summary(await commit(good))).toEqual(summary(await dryRun(good)));
  });

  it('invites the users it creates, only after the commit, and never for a rolled-back import', async () => {
    const account = await createAccount(t);
    const rolledBack = newEmail('rolled');
    await expect(
      t.dataSource.transaction(async (tx) => {
        const rows = rowsOf([
          { email: rolledBack, name: 'Rolled Back', accountCode: account.code, role: 'buyer' },
        ]);
        await handler.apply(await handler.plan(rows, context(tx)), context(tx));
        throw new Error('a later chunk failed');
      }),
    ).rejects.toThrow('a later chunk failed');

    const invited = newEmail('invited');
    const retired = newEmail('retired');
    const existing = w.approver.email;
    await commit(
      rowsOf([
        { email: invited, name: 'Ina Invited', accountCode: account.code, role: 'buyer' },
        { email: retired, name: 'Rita Retired', accountCode: account.code, role: 'buyer', active: 'false' },
        { email: existing, name: 'Approver Renamed' },
      ]),
    );

    const link = await invitationLink(smtp, invited);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(invitationsTo(smtp, rolledBack)).toHaveLength(0);
    expect(invitationsTo(smtp, retired)).toHaveLength(0);
    expect(invitationsTo(smtp, existing)).toHaveLength(0);
    expect((await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [rolledBack])).length).toBe(0);

    // An imported user cannot sign in until the link sets a password.
    await t.http.post('/api/auth/login').send({ email: invited, password: '!no-password' }).expect(401);
    await t.http
      .post('/api/auth/set-password')
      .send({ token: link.searchParams.get('token'), password: 'imported-and-set-42' })
      .expect(200);
    await t.http
      .post('/api/auth/login')
      .send({ email: invited, password: 'imported-and-set-42' })
      .expect(200);
    const users = await t.http.get(`/api/accounts/${account.id}/users`).set(bearer(w.admin)).expect(200);
    expect(
      users.body.map((user: { email: string; invited: boolean }) => [user.email, user.invited]).sort(),
    ).toEqual(
      [
        [invited, false],
        [retired, true],
      ].sort(),
    );
  });

  it('exports every account user in key order, without secrets, and the export imports back unchanged', async () => {
    const account = await createAccount(t);
    const emails = [newEmail('zed'), newEmail('amy')];
    await commit(
      rowsOf([
        {
          email: emails[0] as string,
          name: 'Zed',
          accountCode: account.code,
          role: 'approver',
          orderLimit: '',
        },
        {
          email: emails[1] as string,
          name: 'Amy',
          accountCode: account.code,
          role: 'buyer',
          orderLimit: '99.5',
          active: 'false',
        },
      ]),
    );
    const exported: ExportRecord[] = [];
    for await (const record of handler.exportRecords(t.dataSource.manager)) exported.push(record);
    const keys = exported.map((record) => record['email'] as string);
    expect(keys).toEqual([...keys].sort());
    expect(keys).not.toContain(w.admin.email);
    expect(
      exported.every(
        (record) => Object.keys(record).join() === 'email,name,accountCode,role,orderLimit,active',
      ),
    ).toBe(true);
    const mine = exported.filter((record) => record['accountCode'] === account.code);
    expect(mine).toEqual([
      {
        email: emails[1],
        name: 'Amy',
        accountCode: account.code,
        role: 'buyer',
        orderLimit: '99.50',
        active: 'false',
      },
      {
        email: emails[0],
        name: 'Zed',
        accountCode: account.code,
        role: 'approver',
        orderLimit: '',
        active: 'true',
      },
    ]);
    const again = await dryRun(rowsOf(mine));
    expect(again.map((plan) => plan.action)).toEqual(['unchanged', 'unchanged']);
  });
});
