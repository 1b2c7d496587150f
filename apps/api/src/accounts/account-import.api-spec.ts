import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import type { RowPlan } from '../imports/import-kind';
import { createUser, createWarehouse, uniqueTag } from '../test-support/fixtures';
import { actions, changeSet, commit, dryRun, exported, importAdmin } from '../test-support/import-handlers';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { AccountImport } from './account-import';

/** The columns a row's errors name, each once. */
const errorFields = (plan: RowPlan) => [...new Set(plan.errors.map((error) => error.field))];

/*
 * The `accounts` import kind (accounts with their addresses as a child set),
 * driven as the engine drives it, on accounts of this file's own.
 */
describe('accounts import', () => {
  let t: TestApp;
  let admin: AuthUser;
  let accounts: AccountImport;
  let tier: string;
  let managerEmail: string;
  let warehouse: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await importAdmin(t);
    accounts = t.app.get(AccountImport);
    tier = `Tier ${uniqueTag()}`;
    await t.dataSource.query(`INSERT INTO price_tiers (name) VALUES ($1)`, [tier]);
    managerEmail = (await createUser(t, 'account_manager')).email;
    warehouse = (await createWarehouse(t)).code;
  });
  afterAll(() => t.close());

  const account = (code: string, fields: Record<string, string> = {}) => ({
    code,
    name: `Account ${code}`,
    status: 'active',
    priceTierName: tier,
    accountManagerEmail: managerEmail,
    defaultWarehouseCode: warehouse,
    creditLimit: '2500.00',
    paymentTerms: 'net_30',
    requiresPo: 'false',
    ...fields,
  });
  const address = (label: string, fields: Record<string, string> = {}) => ({
    'address.label': label,
    'address.line1': `1 ${label} Road`,
    'address.line2': '',
    'address.city': 'Springfield',
    'address.region': 'IL',
    'address.postcode': '62701',
    'address.country': 'US',
    ...fields,
  });
  const stored = (code: string) =>
    t.dataSource.query(
      `SELECT d.id, d.label, d.line1, d.line2, d.city FROM addresses d JOIN accounts a ON a.id = d.account_id
        WHERE a.code = $1 ORDER BY d.label`,
      [code],
    ) as Promise<{ id: string; label: string; line1: string; line2: string | null; city: string }[]>;
  const accountRow = (code: string) =>
    t.dataSource
      .query(
        `SELECT a.id, a.name, a.credit_limit::text AS "creditLimit", a.account_manager_id AS "managerId",
                t.name AS tier, a.default_warehouse_code AS warehouse, a.version
           FROM accounts a LEFT JOIN price_tiers t ON t.id = a.price_tier_id WHERE a.code = $1`,
        [code],
      )
      .then((rows: Record<string, unknown>[]) => rows[0]);

  it('creates accounts with their addresses, audited as one change set; the same file again changes nothing', async () => {
    const [a, b] = [`IA${uniqueTag()}`, `IB${uniqueTag()}`];
    const file = [
      { ...account(a), ...address('Depot') },
      { ...account(a), ...address('Head office', { 'address.line2': 'Floor 2' }) },
      {
        ...account(b, { priceTierName: '', accountManagerEmail: '', defaultWarehouseCode: '' }),
        ...address('Yard'),
      },
    ];
    const { plans, importId } = await commit(t, accounts, admin, file);
    expect(actions(plans)).toEqual(['create', 'create', 'create']);
    expect(plans[1].after).toEqual({
      ...account(a),
      ...address('Head office', { 'address.line2': 'Floor 2' }),
    });

    const created = await accountRow(a);
    expect(created).toMatchObject({ name: `Account ${a}`, creditLimit: '2500.00', tier, warehouse });
    expect(created['managerId']).toBeTruthy();
    expect((await stored(a)).map((row) => [row.label, row.line2])).toEqual([
      ['Depot', null],
      ['Head office', 'Floor 2'],
    ]);
    const entries = await changeSet(t, importId);
    expect(entries.map((entry) => `${entry.entity}:${entry.action}`).sort()).toEqual([
      'account:create',
      'account:create',
      'address:create',
      'address:create',
      'address:create',
    ]);
    expect(entries.find((entry) => entry.entityId === created['id'])?.after).toMatchObject({
      code: a,
      creditLimit: '2500.00',
    });

    expect(actions(await dryRun(t, accounts, admin, file))).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const again = await commit(t, accounts, admin, file);
    expect(await changeSet(t, again.importId)).toEqual([]);
    expect((await accountRow(a))['version']).toBe(created['version']);
  });

  it('updates an account: all its rows say so, the audit keeps the changed field', async () => {
    const code = `IC${uniqueTag()}`;
    await commit(t, accounts, admin, [
      { ...account(code), ...address('Depot') },
      { ...account(code), ...address('Yard') },
    ]);
    const file = [
      { ...account(code, { creditLimit: '3000' }), ...address('Depot') },
      { ...account(code, { creditLimit: '3000' }), ...address('Yard') },
    ];
    const notices = jest.spyOn(t.app.get(ChangeNotices), 'changed');
    const { plans, importId } = await commit(t, accounts, admin, file);
    expect(actions(plans)).toEqual(['update', 'update']);
    expect(plans[0].before).toMatchObject({ creditLimit: '2500.00' });
    expect(plans[0].after).toMatchObject({ creditLimit: '3000.00' });
    const { id } = await accountRow(code);
    expect(await changeSet(t, importId)).toEqual([
      {
        entity: 'account',
        entityId: id,
        action: 'update',
        before: { creditLimit: '2500.00' },
        after: { creditLimit: '3000.00' },
      },
    ]);
    // Pricing and availability drop what they cached of the account, as after a PATCH: one
    // notice in the import's transaction.
    expect(notices.mock.calls.map(([, topic, keys]) => [topic, keys])).toEqual([['account', [id]]]);
    notices.mockRestore();
  });

  it('leaves fields and addresses alone when the file has no column for them; an empty cell clears', async () => {
    const code = `ID${uniqueTag()}`;
    await commit(t, accounts, admin, [{ ...account(code), ...address('Depot') }]);
    const before = await stored(code);
    const plans = await dryRun(t, accounts, admin, [{ code, name: 'Renamed', accountManagerEmail: '' }]);
    expect(actions(plans)).toEqual(['update']);
    expect(plans[0].after).toEqual({ ...account(code), name: 'Renamed', accountManagerEmail: '' });
    await commit(t, accounts, admin, [{ code, name: 'Renamed', accountManagerEmail: '' }]);
    expect(await accountRow(code)).toMatchObject({ name: 'Renamed', managerId: null, tier });
    expect(await stored(code)).toEqual(before);
  });

  it("replaces an account's addresses: kept ones keep their ids, a label changes in place, others go", async () => {
    const code = `IE${uniqueTag()}`;
    await commit(t, accounts, admin, [
      { ...account(code), ...address('Depot') },
      { ...account(code), ...address('Head office') },
      { ...account(code), ...address('Yard') },
    ]);
    const [depot, office] = await stored(code);
    const { plans, importId } = await commit(t, accounts, admin, [
      { ...account(code), ...address('Depot') },
      { ...account(code), ...address('Head office', { 'address.city': 'Shelbyville' }) },
      { ...account(code), ...address('Annex') },
    ]);
    expect(actions(plans)).toEqual(['update', 'update', 'update']);
    expect(plans[1].before).toMatchObject({ 'address.label': 'Head office', 'address.city': 'Springfield' });
    const after = await stored(code);
    expect(after.map((row) => [row.label, row.city])).toEqual([
      ['Annex', 'Springfield'],
      ['Depot', 'Springfield'],
      ['Head office', 'Shelbyville'],
    ]);
    expect(after[1].id).toBe(depot.id);
    expect(after[2].id).toBe(office.id);
    expect((await changeSet(t, importId)).map((entry) => `${entry.entity}:${entry.action}`).sort()).toEqual([
      'address:create',
      'address:delete',
      'address:update',
    ]);

    // A row with every address cell empty: the account has no addresses in this file.
    await commit(t, accounts, admin, [
      {
        ...account(code),
        ...address('', {
          'address.region': '',
          'address.line1': '',
          'address.city': '',
          'address.postcode': '',
          'address.country': '',
        }),
      },
    ]);
    expect(await stored(code)).toEqual([]);
  });

  it('refuses to drop an address a standing order ships to', async () => {
    const code = `IF${uniqueTag()}`;
    await commit(t, accounts, admin, [
      { ...account(code), ...address('Depot') },
      { ...account(code), ...address('Yard') },
    ]);
    const [depot] = await stored(code);
    const { id } = await accountRow(code);
    await t.dataSource.query(
      `INSERT INTO standing_orders (account_id, name, status, shipping_address_id, schedule_every,
                                    schedule_interval, schedule_weekday, start_date)
       VALUES ($1, 'Weekly', 'active', $2, 'week', 1, 1, current_date)`,
      [id, depot.id],
    );
    const plans = await dryRun(t, accounts, admin, [{ ...account(code), ...address('Yard') }]);
    expect(actions(plans)).toEqual(['error']);
    expect(plans[0].errors).toEqual([
      {
        field: 'address.label',
        message: `"Depot" is a standing order's shipping address: keep it in the file`,
      },
    ]);
  });

  it('refuses rows the API would refuse, naming the columns', async () => {
    const tag = uniqueTag();
    const notAManager = await createUser(t, 'warehouse');
    const existing = `IG${tag}`;
    await commit(t, accounts, admin, [{ ...account(existing), ...address('Depot') }]);
    const plans = await dryRun(t, accounts, admin, [
      { ...account(`IH${tag}`, { creditLimit: '12.345' }), ...address('Depot') },
      { ...account(`II${tag}`, { priceTierName: 'No such tier' }), ...address('Depot') },
      { ...account(`IJ${tag}`, { accountManagerEmail: notAManager.email }), ...address('Depot') },
      { ...account(`IK${tag}`, { defaultWarehouseCode: 'NOWHERE' }), ...address('Depot') },
      { ...account(`IL${tag}`), ...address('Depot', { 'address.postcode': '' }) },
      { ...account(`IL${tag}`, { name: 'Another name' }), ...address('Yard') },
      { ...account('lower'), ...address('Depot') },
      { ...account(existing, { name: '', status: 'gone' }), ...address('Depot') },
    ]);
    expect(plans.map(errorFields)).toEqual([
      ['creditLimit'],
      ['priceTierName'],
      ['accountManagerEmail'],
      ['defaultWarehouseCode'],
      ['address.postcode'],
      ['name'],
      ['code'],
      ['name', 'status'],
    ]);
    expect(actions(plans).every((action) => action === 'error')).toBe(true);
    expect(plans[5].errors[0].message).toBe("differs from row 6, the account's first row");
  });

  it("needs an account's rows together; reads e-mails in any case; keeps a manager who has left", async () => {
    const [a, b] = [`IP${uniqueTag()}`, `IQ${uniqueTag()}`];
    const plans = await dryRun(t, accounts, admin, [
      { ...account(a), ...address('Depot') },
      { ...account(b), ...address('Depot') },
      { ...account(a), ...address('Yard') },
    ]);
    expect(actions(plans)).toEqual(['create', 'create', 'error']);
    expect(plans[2].errors).toEqual([
      { field: 'code', message: "the account's rows must be together (its first is row 2)" },
    ]);

    await commit(t, accounts, admin, [{ ...account(a), ...address('Depot') }]);
    const shouted = {
      ...account(a, { accountManagerEmail: managerEmail.toUpperCase() }),
      ...address('Depot'),
    };
    expect(actions(await dryRun(t, accounts, admin, [shouted]))).toEqual(['unchanged']);

    // An account keeps a manager who has left (its export imports unchanged); naming them anew is refused.
    const leaver = await createUser(t, 'account_manager');
    await commit(t, accounts, admin, [
      { ...account(b, { accountManagerEmail: leaver.email }), ...address('Depot') },
    ]);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [leaver.id]);
    const kept = await dryRun(t, accounts, admin, [
      { ...account(b, { accountManagerEmail: leaver.email }), ...address('Depot') },
      { ...account(a, { accountManagerEmail: leaver.email }), ...address('Depot') },
    ]);
    expect(actions(kept)).toEqual(['unchanged', 'error']);
    expect(kept[1].errors).toEqual([
      { field: 'accountManagerEmail', message: 'is not an active account manager' },
    ]);
  });

  it('round-trips its export: unchanged as exported, one update for one edited cell', async () => {
    const tag = uniqueTag();
    await commit(t, accounts, admin, [
      { ...account(`IM${tag}`), ...address('Depot') },
      { ...account(`IM${tag}`), ...address('Yard', { 'address.region': '' }) },
      { ...account(`IN${tag}`, { requiresPo: 'true' }), ...address('Depot') },
    ]);
    await t.dataSource.query(`INSERT INTO accounts (code, name) VALUES ($1, 'No addresses')`, [`IO${tag}`]);
    const records = await exported(t, accounts, (record) => record['code'].endsWith(tag));
    expect(records.map((record) => [record['code'], record['address.label']])).toEqual([
      [`IM${tag}`, 'Depot'],
      [`IM${tag}`, 'Yard'],
      [`IN${tag}`, 'Depot'],
      [`IO${tag}`, ''],
    ]);
    expect(records[3]).toMatchObject({ creditLimit: '0.00', priceTierName: '', requiresPo: 'false' });
    expect(actions(await dryRun(t, accounts, admin, records))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    records[2] = { ...records[2], 'address.postcode': '60601' };
    expect(actions(await dryRun(t, accounts, admin, records))).toEqual([
      'unchanged',
      'unchanged',
      'update',
      'unchanged',
    ]);
  });
});
