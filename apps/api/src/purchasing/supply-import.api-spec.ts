import type { AuthUser } from '../auth/auth-user';
import type { RowPlan } from '../imports/import-kind';
import { createProduct, uniqueTag } from '../test-support/fixtures';
import { actions, changeSet, commit, dryRun, exported, importAdmin } from '../test-support/import-handlers';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { ProductSupplyImport } from './product-supply-import';
import { SupplierImport } from './supplier-import';

/*
 * The `suppliers` and `product-supply` import kinds, driven as the engine
 * drives them (plan; plan again and apply in a transaction; export), on
 * suppliers and products of this file's own.
 */
/** The columns a row's errors name, each once. */
const errorFields = (plan: RowPlan) => [...new Set(plan.errors.map((error) => error.field))];

describe('supplier and product-supply imports', () => {
  let t: TestApp;
  let admin: AuthUser;
  let suppliers: SupplierImport;
  let supply: ProductSupplyImport;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await importAdmin(t);
    suppliers = t.app.get(SupplierImport);
    supply = t.app.get(ProductSupplyImport);
  });
  afterAll(() => t.close());

  const supplierRow = (code: string, fields: Record<string, string> = {}) => ({
    code,
    name: `Supplier ${code}`,
    email: `orders@${code.toLowerCase()}.example`,
    leadTimeDays: '5',
    ...fields,
  });

  describe('suppliers', () => {
    it('creates, updates, leaves the same row unchanged, and audits the change set', async () => {
      const [a, b] = [`SA${uniqueTag()}`, `SB${uniqueTag()}`];
      const first = await commit(t, suppliers, admin, [supplierRow(a), supplierRow(b)]);
      expect(actions(first.plans)).toEqual(['create', 'create']);

      const plans = await dryRun(t, suppliers, admin, [
        supplierRow(a, { leadTimeDays: '7' }),
        supplierRow(b),
      ]);
      expect(actions(plans)).toEqual(['update', 'unchanged']);
      expect(plans[0].before).toMatchObject({ code: a, leadTimeDays: '5' });
      expect(plans[0].after).toMatchObject({ code: a, leadTimeDays: '7' });

      const second = await commit(t, suppliers, admin, [
        supplierRow(a, { leadTimeDays: '7' }),
        supplierRow(b),
      ]);
      const [row] = (await t.dataSource.query(`SELECT lead_time_days FROM suppliers WHERE code = $1`, [
        a,
      ])) as {
        lead_time_days: number;
      }[];
      expect(row.lead_time_days).toBe(7);
      expect(await changeSet(t, first.importId)).toEqual([
        expect.objectContaining({ entity: 'supplier', entityId: a, action: 'create' }),
        expect.objectContaining({ entity: 'supplier', entityId: b, action: 'create' }),
      ]);
      expect(await changeSet(t, second.importId)).toEqual([
        {
          entity: 'supplier',
          entityId: a,
          action: 'update',
          before: { leadTimeDays: 5 },
          after: { leadTimeDays: 7 },
        },
      ]);
    });

    it('leaves fields without a column unchanged', async () => {
      const code = `SC${uniqueTag()}`;
      await commit(t, suppliers, admin, [supplierRow(code)]);
      const plans = await dryRun(t, suppliers, admin, [{ code, name: 'Renamed' }]);
      expect(actions(plans)).toEqual(['update']);
      expect(plans[0].after).toEqual({ ...supplierRow(code), name: 'Renamed' });
    });

    it('refuses what the API refuses, naming the column', async () => {
      const taken = `SD${uniqueTag()}`;
      await commit(t, suppliers, admin, [supplierRow(taken)]);
      const plans = await dryRun(t, suppliers, admin, [
        supplierRow(`SE${uniqueTag()}`, { email: 'not-an-email' }),
        supplierRow(`SF${uniqueTag()}`, { leadTimeDays: '2.5' }),
        { code: `SG${uniqueTag()}`, name: 'No email or lead time' },
        supplierRow(taken, { name: '' }),
        supplierRow('lower-case'),
      ]);
      expect(actions(plans)).toEqual(['error', 'error', 'error', 'error', 'error']);
      expect(plans.map(errorFields)).toEqual([
        ['email'],
        ['leadTimeDays'],
        ['email', 'leadTimeDays'],
        ['name'],
        ['code'],
      ]);
    });

    it('round-trips its export: unchanged as exported, one update for one edited cell', async () => {
      const tag = uniqueTag();
      const codes = [`SH${tag}`, `SI${tag}`, `SJ${tag}`];
      await commit(
        t,
        suppliers,
        admin,
        codes.map((code) => supplierRow(code)),
      );
      const records = await exported(t, suppliers, (record) => record['code'].endsWith(tag));
      expect(records.map((record) => record['code'])).toEqual(codes);
      expect(actions(await dryRun(t, suppliers, admin, records))).toEqual([
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
      records[1] = { ...records[1], email: 'new@supplier.example' };
      expect(actions(await dryRun(t, suppliers, admin, records))).toEqual([
        'unchanged',
        'update',
        'unchanged',
      ]);
    });
  });

  describe('product-supply', () => {
    const supplyRow = (sku: string, supplierCode: string, fields: Record<string, string> = {}) => ({
      sku,
      supplierCode,
      supplierSku: `X-${sku}`,
      unitCost: '4.5',
      packSize: '12',
      safetyDays: '',
      reviewDays: '14',
      ...fields,
    });

    it('sets, changes and keeps a product’s supply, audited in the change set', async () => {
      const code = `SK${uniqueTag()}`;
      await commit(t, suppliers, admin, [supplierRow(code)]);
      const [p, q] = [await createProduct(t), await createProduct(t)];
      const first = await commit(t, supply, admin, [supplyRow(p.sku, code), supplyRow(q.sku, code)]);
      expect(actions(first.plans)).toEqual(['create', 'create']);
      expect(first.plans[0].after).toEqual({
        sku: p.sku,
        supplierCode: code,
        supplierSku: `X-${p.sku}`,
        unitCost: '4.50',
        packSize: '12',
        safetyDays: '',
        reviewDays: '14',
      });
      const response = await t.dataSource.query(
        `SELECT unit_cost::text AS cost, safety_days, review_days FROM product_supply WHERE product_id = $1`,
        [p.id],
      );
      expect(response).toEqual([{ cost: '4.50', safety_days: null, review_days: 14 }]);

      const again = await dryRun(t, supply, admin, [
        supplyRow(p.sku, code),
        supplyRow(q.sku, code, { safetyDays: '3' }),
      ]);
      expect(actions(again)).toEqual(['unchanged', 'update']);
      const second = await commit(t, supply, admin, [
        supplyRow(p.sku, code),
        supplyRow(q.sku, code, { safetyDays: '3' }),
      ]);
      expect(actions(second.plans)).toEqual(['unchanged', 'update']);
      expect(await changeSet(t, first.importId)).toEqual([
        expect.objectContaining({ entity: 'product_supply', entityId: p.id, action: 'create' }),
        expect.objectContaining({ entity: 'product_supply', entityId: q.id, action: 'create' }),
      ]);
      expect(await changeSet(t, second.importId)).toEqual([
        {
          entity: 'product_supply',
          entityId: q.id,
          action: 'update',
          before: { safetyDays: null },
          after: { safetyDays: 3 },
        },
      ]);
    });

    it('keeps the facts a file has no column for, and refuses what the API refuses', async () => {
      const code = `SL${uniqueTag()}`;
      await commit(t, suppliers, admin, [supplierRow(code)]);
      const [p, q] = [await createProduct(t), await createProduct(t)];
      await commit(t, supply, admin, [supplyRow(p.sku, code, { safetyDays: '2' })]);
      const partial = await dryRun(t, supply, admin, [{ sku: p.sku, unitCost: '5.00' }]);
      expect(partial[0].errors).toEqual([]);
      expect(actions(partial)).toEqual(['update']);
      expect(partial[0].after).toMatchObject({ unitCost: '5.00', safetyDays: '2', reviewDays: '14' });

      const [r, s, u] = [await createProduct(t), await createProduct(t), await createProduct(t)];
      await commit(t, supply, admin, [supplyRow(s.sku, code)]);
      const plans = await dryRun(t, supply, admin, [
        supplyRow(q.sku, code, { unitCost: '1.234' }),
        supplyRow(`${q.sku.toLowerCase()}-none`, code),
        supplyRow(r.sku, `NONE${uniqueTag()}`),
        { sku: u.sku, unitCost: '3.00' },
        supplyRow(p.sku, code, { packSize: '0' }),
        supplyRow(s.sku, code, { unitCost: '99999999999.00' }),
      ]);
      expect(plans.map(errorFields)).toEqual([
        ['unitCost'],
        ['sku'],
        ['supplierCode'],
        ['supplierCode', 'supplierSku', 'packSize'],
        ['packSize'],
        ['unitCost'],
      ]);
    });

    it('round-trips its export, and a second commit of the same file changes nothing', async () => {
      const code = `SM${uniqueTag()}`;
      await commit(t, suppliers, admin, [supplierRow(code)]);
      const products = [await createProduct(t), await createProduct(t)];
      const file = products.map((product) => supplyRow(product.sku, code));
      await commit(t, supply, admin, file);
      const again = await commit(t, supply, admin, file);
      expect(actions(again.plans)).toEqual(['unchanged', 'unchanged']);
      expect(await changeSet(t, again.importId)).toEqual([]);

      const skus = new Set(products.map((product) => product.sku));
      const records = await exported(t, supply, (record) => skus.has(record['sku']));
      expect(records.map((record) => record['sku'])).toEqual([...skus].sort());
      expect(actions(await dryRun(t, supply, admin, records))).toEqual(['unchanged', 'unchanged']);
      records[0] = { ...records[0], packSize: '24' };
      expect(actions(await dryRun(t, supply, admin, records))).toEqual(['update', 'unchanged']);
    });
  });
});
