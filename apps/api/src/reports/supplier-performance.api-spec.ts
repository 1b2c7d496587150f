import type { SupplierPerformanceReport } from '@tradecounter/contracts';
import { businessDaysBetween } from '@tradecounter/domain';
import { bearer, createProduct, createWarehouse, createWorld, type World } from '../test-support/fixtures';
import { createSupplier, givenPurchaseOrder } from '../test-support/planning-fixtures';
import { startTestApp, type TestApp } from '../test-support/test-app';

/**
 * GET /api/reports/supplier-performance on suppliers of this file's own,
 * whose purchase lines were due in October 2026 and received (or not) on
 * known days. Receipts are given as rows: no route receives in the past.
 * The warehouse keeps Chicago time, so a receipt at 03:00 UTC on the 15th
 * is the 14th there.
 */
describe('supplier performance report', () => {
  let t: TestApp;
  let w: World;
  let warehouseCode: string;
  let productId: string;
  const october = 'from=2026-10-01&to=2026-10-31';

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    warehouseCode = (await createWarehouse(t)).code;
    productId = (await createProduct(t)).id;
  });
  afterAll(() => t.close());

  const line = (quantity: number, expectedDate: string, receipts: { qty: number; at: string }[] = []) => ({
    productId,
    warehouseCode,
    quantity,
    expectedDate,
    receipts,
  });

  async function report(query: string) {
    return (await t.http.get(`/api/reports/supplier-performance?${query}`).set(bearer(w.manager)).expect(200))
      .body as SupplierPerformanceReport;
  }

  it('counts lines due in the period, in full on time, business days late and overdue', async () => {
    const supplier = await createSupplier(t);
    const idle = await createSupplier(t);
    await givenPurchaseOrder(t, supplier.code, 'partially_received', [
      // On time: all 10 by Wed 10-14 (03:00 UTC on the 15th is the 14th in Chicago).
      line(10, '2026-10-14', [{ qty: 10, at: '2026-10-15T03:00:00Z' }]),
      // Late: due Fri 10-16, 4 on the 15th, the last 6 on Tue 10-20.
      line(10, '2026-10-16', [
        { qty: 4, at: '2026-10-15T15:00:00Z' },
        { qty: 6, at: '2026-10-20T15:00:00Z' },
      ]),
      // Due Tue 10-20, 2 of 5 received: still open, overdue.
      line(5, '2026-10-20', [{ qty: 2, at: '2026-10-19T15:00:00Z' }]),
      // Due in November: not in October's figures.
      line(5, '2026-11-05'),
    ]);
    // A draft and a cancelled order were never due.
    await givenPurchaseOrder(t, supplier.code, 'draft', [line(3, '2026-10-15')]);
    await givenPurchaseOrder(t, supplier.code, 'cancelled', [line(3, '2026-10-15')]);

    const holidays = new Set(
      ((await t.dataSource.query(`SELECT date::text FROM holidays`)) as { date: string }[]).map(
        (h) => h.date,
      ),
    );
    const late = businessDaysBetween('2026-10-16', '2026-10-20', holidays); // Mon 19, Tue 20: 2 without holidays
    const result = await report(october);
    expect(result).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(result.rows.find((row) => row.supplierCode === supplier.code)).toEqual({
      supplierCode: supplier.code,
      supplierName: supplier.name,
      lines: 3,
      inFullOnTime: 1,
      inFullOnTimeShare: 1 / 3,
      averageDaysLate: (0 + late) / 2, // over the two completed lines
      overdueLines: 1,
    });
    // A supplier with nothing due is listed with nothing measured.
    expect(result.rows.find((row) => row.supplierCode === idle.code)).toEqual({
      supplierCode: idle.code,
      supplierName: idle.name,
      lines: 0,
      inFullOnTime: 0,
      inFullOnTimeShare: null,
      averageDaysLate: null,
      overdueLines: 0,
    });

    // November holds only the line not received: due, overdue, nothing completed.
    const november = await report('from=2026-11-01&to=2026-11-30');
    expect(november.rows.find((row) => row.supplierCode === supplier.code)).toMatchObject({
      lines: 1,
      inFullOnTime: 0,
      inFullOnTimeShare: 0,
      averageDaysLate: null,
      overdueLines: 1,
    });

    const csv = await t.http
      .get(`/api/reports/supplier-performance?${october}&format=csv`)
      .set(bearer(w.warehouse))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(`${supplier.name},${supplier.code},3,1,33.3,`);
  });

  it('is for purchasing staff and managers only, and refuses a bad period', async () => {
    for (const user of [w.buyer, w.approver, w.am]) {
      await t.http.get('/api/reports/supplier-performance').set(bearer(user)).expect(403);
    }
    await t.http.get('/api/reports/supplier-performance').set(bearer(w.admin)).expect(200);
    for (const query of ['from=2026-13-01', 'from=2026-10-31&to=2026-10-01', 'format=pdf', 'to=yesterday']) {
      const response = await t.http
        .get(`/api/reports/supplier-performance?${query}`)
        .set(bearer(w.admin))
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
