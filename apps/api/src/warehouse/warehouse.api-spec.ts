import type {
  FulfilmentOrder,
  Order,
  OrderCheck,
  Page,
  Product,
  SlottingReport,
  StockLevel,
  VelocityRow,
  Wave,
  WaveSummary,
} from '@tradecounter/contracts';
import { bearer, createProduct, createWarehouse, TestUser, uniqueTag } from '../test-support/fixtures';
import {
  checkOrder,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

describe('warehouse: bins, barcodes, waves, short picks, the check step, velocity', () => {
  let t: TestApp;
  let w: OrderingWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
  });
  afterAll(() => t.close());

  const post = (user: TestUser, path: string, body: unknown = {}) =>
    t.http
      .post(path)
      .set(bearer(user))
      .send(body as object);
  const get = (user: TestUser, path: string) => t.http.get(path).set(bearer(user));

  async function stocked(onHand: number, bin: string | null = null, fields: Record<string, unknown> = {}) {
    const product = await createProduct(t, fields);
    await setStock(t, product.id, w.warehouseCode, onHand);
    if (bin) {
      await t.http
        .put(`/api/stock/${product.id}/${w.warehouseCode}`)
        .set(bearer(w.warehouse))
        .send({ bin })
        .expect(200);
    }
    return product;
  }

  async function place(lines: { productId: string; quantity: number }[], shipComplete = false) {
    const placed = await placeOrder(t, w.approver, { lines, shippingAddressId: w.mineAddress, shipComplete });
    expect(placed.status).toBe(201);
    return placed.body as Order;
  }

  const wave = (orderIds: string[], user: TestUser = w.warehouse, warehouseCode = w.warehouseCode) =>
    post(user, '/api/fulfilment/waves', { warehouseCode, orderIds });

  describe('bins', () => {
    it('sets a bin (upper-cased) without touching on hand, audits it, clears it, and refuses bad bins', async () => {
      const product = await stocked(7);
      const set = await t.http
        .put(`/api/stock/${product.id}/${w.warehouseCode}`)
        .set(bearer(w.warehouse))
        .send({ bin: ' a-01-03 ' })
        .expect(200);
      expect(set.body as StockLevel).toMatchObject({ onHand: 7, bin: 'A-01-03' });
      const audit = await get(
        w.admin,
        `/api/audit?entity=stock&entityId=${product.id}@${w.warehouseCode}`,
      ).expect(200);
      expect(audit.body.items[0]).toMatchObject({ after: { bin: 'A-01-03' } });
      for (const bin of ['A--1', 'A 1', 'X'.repeat(21), '-A']) {
        const refused = await t.http
          .put(`/api/stock/${product.id}/${w.warehouseCode}`)
          .set(bearer(w.warehouse))
          .send({ bin })
          .expect(400);
        expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'bin' }));
      }
      await t.http
        .put(`/api/stock/${product.id}/${w.warehouseCode}`)
        .set(bearer(w.warehouse))
        .send({})
        .expect(400);
      const both = await t.http
        .put(`/api/stock/${product.id}/${w.warehouseCode}`)
        .set(bearer(w.admin))
        .send({ onHand: 9, bin: '' })
        .expect(200);
      expect(both.body as StockLevel).toMatchObject({ onHand: 9, bin: null });
    });

    it('sorts stock by bin naturally: A-2 before A-10 before B-1', async () => {
      const warehouse = await createWarehouse(t);
      for (const bin of ['B-1', 'A-10', 'A-2']) {
        const product = await createProduct(t);
        await t.http
          .put(`/api/stock/${product.id}/${warehouse.code}`)
          .set(bearer(w.warehouse))
          .send({ onHand: 1, bin })
          .expect(200);
      }
      const list = await get(
        w.warehouse,
        `/api/stock?warehouseCode=${warehouse.code}&sort=bin&pageSize=100`,
      ).expect(200);
      const bins = (list.body as Page<StockLevel>).items.map((row) => row.bin).filter((bin) => bin !== null);
      expect(bins).toEqual(['A-2', 'A-10', 'B-1']);
    });
  });

  describe('barcodes', () => {
    it('stores a barcode and case barcodes, shows them to staff only, and refuses codes in use with 409', async () => {
      const tag = uniqueTag().toUpperCase();
      const created = await post(w.admin, '/api/products', {
        sku: `BC-${tag}`,
        name: 'Barcoded gloves',
        category: 'Test',
        unit: 'box',
        listPrice: '5.00',
        barcode: `0${tag}1`,
        caseBarcodes: [{ code: `1${tag}1`, qty: 12 }],
      }).expect(201);
      const product = created.body as Product;
      expect(product).toMatchObject({ barcode: `0${tag}1`, caseBarcodes: [{ code: `1${tag}1`, qty: 12 }] });
      const staff = (await get(w.warehouse, `/api/products/${product.id}`).expect(200)).body as Product;
      expect(staff.caseBarcodes).toEqual([{ code: `1${tag}1`, qty: 12 }]);
      const customer = (await get(w.buyer, `/api/products/${product.id}`).expect(200)).body as Product;
      expect(customer.barcode).toBeUndefined();
      expect(customer.caseBarcodes).toBeUndefined();

      const other = await createProduct(t);
      const taken = await t.http
        .patch(`/api/products/${other.id}`)
        .set(bearer(w.admin))
        .send({ barcode: `1${tag}1` })
        .expect(409);
      expect(taken.body.detail).toContain(`BC-${tag}`);
      await t.http
        .patch(`/api/products/${other.id}`)
        .set(bearer(w.admin))
        .send({ caseBarcodes: [{ code: `BC-${tag}`, qty: 6 }] })
        .expect(409);
      await t.http
        .patch(`/api/products/${other.id}`)
        .set(bearer(w.admin))
        .send({ caseBarcodes: [{ code: `2${tag}`, qty: 1 }] })
        .expect(400);
      await t.http
        .patch(`/api/products/${product.id}`)
        .set(bearer(w.admin))
        .send({ caseBarcodes: [] })
        .expect(200);
      expect(
        ((await get(w.admin, `/api/products/${product.id}`).expect(200)).body as Product).caseBarcodes,
      ).toEqual([]);
    });
  });

  describe('waves', () => {
    it('walks bins in natural order with the orders each unit goes to, and starts picking its orders', async () => {
      const a = await stocked(20, 'A-10');
      const b = await stocked(20, 'A-2');
      const c = await stocked(20, 'B-1');
      const d = await stocked(20);
      const first = await place([
        { productId: a.id, quantity: 2 },
        { productId: c.id, quantity: 1 },
        { productId: d.id, quantity: 1 },
      ]);
      const second = await place([
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 4 },
      ]);
      const created = (await wave([first.id, second.id]).expect(201)).body as Wave;
      expect(created.number).toMatch(/^W-\d{6}$/);
      expect(created.status).toBe('open');
      expect(created.lines.map((line) => [line.sku, line.bin, line.quantity])).toEqual([
        [b.sku, 'A-2', 4],
        [a.sku, 'A-10', 5],
        [c.sku, 'B-1', 1],
        [d.sku, null, 1],
      ]);
      const atA10 = created.lines[1]?.allocations.map((x) => [x.orderNumber, x.quantity]);
      expect(atA10).toEqual(
        [
          [first.number, 2],
          [second.number, 3],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      const order = (await get(w.buyer, `/api/orders/${first.id}`).expect(200)).body as Order;
      expect(order.status).toBe('picking');

      const board = (
        await get(
          w.warehouse,
          `/api/fulfilment/orders?warehouseCode=${w.warehouseCode}&status=picking&pageSize=100`,
        ).expect(200)
      ).body as Page<FulfilmentOrder>;
      expect(board.items.find((row) => row.id === first.id)).toMatchObject({
        waveId: created.id,
        checked: false,
      });

      const listed = (
        await get(w.warehouse, `/api/fulfilment/waves?warehouseCode=${w.warehouseCode}&status=open`).expect(
          200,
        )
      ).body as Page<WaveSummary>;
      expect(listed.items.find((row) => row.id === created.id)).toMatchObject({ orderCount: 2, units: 11 });
    });

    it('refuses orders not confirmed, at another warehouse, or already in an open wave with 409 naming them', async () => {
      const product = await stocked(20, 'C-1');
      const one = await place([{ productId: product.id, quantity: 1 }]);
      const two = await place([{ productId: product.id, quantity: 1 }]);
      await wave([one.id]).expect(201);
      const refused = await wave([one.id, two.id]).expect(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.detail).toContain(one.number);
      expect(refused.body.detail).not.toContain(two.number);
      const elsewhere = await createWarehouse(t);
      const wrong = await wave([two.id], w.warehouse, elsewhere.code).expect(409);
      expect(wrong.body.detail).toContain(two.number);
      // Nothing changed: two is still confirmed and free.
      expect(((await get(w.buyer, `/api/orders/${two.id}`).expect(200)).body as Order).status).toBe(
        'confirmed',
      );
      await wave([]).expect(400);
      await wave([two.id, two.id]).expect(400);
    });

    it('lets one of two waves racing for the same order in: one 201, one 409', async () => {
      const product = await stocked(20);
      const order = await place([{ productId: product.id, quantity: 1 }]);
      const [x, y] = await Promise.all([wave([order.id]), wave([order.id])]);
      expect([x.status, y.status].sort()).toEqual([201, 409]);
      const open = (await t.dataSource.query(
        'SELECT count(*)::int AS n FROM wave_orders WHERE order_id = $1 AND open',
        [order.id],
      )) as { n: number }[];
      expect(open[0]?.n).toBe(1);
    });

    it('closes by itself once each order is packed or cancelled, and by hand', async () => {
      const product = await stocked(20);
      const one = await place([{ productId: product.id, quantity: 2 }]);
      const two = await place([{ productId: product.id, quantity: 1 }]);
      const created = (await wave([one.id, two.id]).expect(201)).body as Wave;
      await checkOrder(t, w.warehouse, one.id);
      await post(w.warehouse, `/api/orders/${one.id}/pack`, { packages: [{}] }).expect(200);
      expect(
        ((await get(w.warehouse, `/api/fulfilment/waves/${created.id}`).expect(200)).body as Wave).status,
      ).toBe('open');
      await post(w.am, `/api/orders/${two.id}/cancel`, { reason: 'customer called' }).expect(200);
      const closed = (await get(w.warehouse, `/api/fulfilment/waves/${created.id}`).expect(200)).body as Wave;
      expect(closed.status).toBe('closed');
      expect(closed.closedAt).not.toBeNull();

      const three = await place([{ productId: product.id, quantity: 1 }]);
      const byHand = (await wave([three.id]).expect(201)).body as Wave;
      await post(w.warehouse, `/api/fulfilment/waves/${byHand.id}/close`).expect(200);
      await post(w.warehouse, `/api/fulfilment/waves/${byHand.id}/close`).expect(409);
    });
  });

  describe('short picks', () => {
    it('lowers on hand (audited with the reason), releases the reservation and re-promises the line', async () => {
      const product = await stocked(5, 'D-1', { leadTimeDays: 20 });
      const order = await place([{ productId: product.id, quantity: 5 }]);
      const line = order.lines[0];
      if (!line) throw new Error('one line');
      const created = (await wave([order.id]).expect(201)).body as Wave;

      await post(w.warehouse, `/api/fulfilment/waves/${created.id}/short`, {
        orderLineId: line.id,
        quantity: 6,
        reason: 'Bin empty',
      }).expect(409);
      const after = (
        await post(w.warehouse, `/api/fulfilment/waves/${created.id}/short`, {
          orderLineId: line.id,
          quantity: 2,
          reason: 'Bin held 3',
        }).expect(200)
      ).body as Wave;
      expect(after.lines[0]).toMatchObject({ quantity: 3 });
      expect(after.lines[0]?.allocations[0]).toMatchObject({ quantity: 3, short: 2 });
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 3, reserved: 3 });

      const [row] = (await t.dataSource.query(
        'SELECT reserved_qty, backordered_qty, current_promised_date::text AS current, first_promised_date::text AS first FROM order_lines WHERE id = $1',
        [line.id],
      )) as { reserved_qty: number; backordered_qty: number; current: string; first: string }[];
      expect(row).toMatchObject({ reserved_qty: 3, backordered_qty: 2 });
      expect(row && row.current > row.first).toBe(true);

      const events = (await t.dataSource.query(
        'SELECT kind, reason FROM order_events WHERE order_id = $1 ORDER BY at, id',
        [order.id],
      )) as { kind: string; reason: string | null }[];
      expect(events.map((event) => event.kind)).toEqual(expect.arrayContaining(['short_pick', 'repromised']));
      expect(events.find((event) => event.kind === 'repromised')?.reason).toContain('Bin held 3');

      const audit = await get(
        w.admin,
        `/api/audit?entity=stock&entityId=${product.id}@${w.warehouseCode}`,
      ).expect(200);
      expect(JSON.stringify(audit.body.items[0])).toContain('Bin held 3');
      const picks = (await t.dataSource.query('SELECT quantity, reason FROM short_picks WHERE wave_id = $1', [
        created.id,
      ])) as { quantity: number; reason: string }[];
      expect(picks).toEqual([{ quantity: 2, reason: 'Bin held 3' }]);
    });
  });

  describe('the check step', () => {
    it('counts SKUs, barcodes and case barcodes; refuses and records a mismatch; packing waits for it', async () => {
      const tag = uniqueTag().toUpperCase();
      const product = await stocked(50, 'E-1', { barcode: `EAN${tag}` });
      await t.dataSource.query(
        'INSERT INTO product_case_barcodes (code, product_id, qty) VALUES ($1, $2, 6)',
        [`CASE${tag}`, product.id],
      );
      const other = await stocked(50);
      const order = await place([
        { productId: product.id, quantity: 14 },
        { productId: other.id, quantity: 1 },
      ]);
      await post(w.warehouse, `/api/orders/${order.id}/pick`).expect(200);
      await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{}] }).expect(409);

      const scanned = (
        await post(w.warehouse, `/api/orders/${order.id}/check`, {
          lines: [
            { barcode: `CASE${tag}`, quantity: 2 },
            { barcode: `EAN${tag}`, quantity: 1 },
          ],
        }).expect(200)
      ).body as OrderCheck;
      expect(scanned.complete).toBe(false);
      expect(scanned.lines.find((line) => line.sku === product.sku)).toMatchObject({
        expected: 14,
        confirmed: 13,
      });

      const tooMany = await post(w.warehouse, `/api/orders/${order.id}/check`, {
        lines: [{ sku: product.sku, quantity: 2 }],
      }).expect(409);
      expect(tooMany.headers['content-type']).toContain('application/problem+json');
      expect(tooMany.body.detail).toContain('1 left');
      const stranger = await createProduct(t);
      await post(w.warehouse, `/api/orders/${order.id}/check`, {
        lines: [{ sku: stranger.sku, quantity: 1 }],
      }).expect(409);
      await post(w.warehouse, `/api/orders/${order.id}/check`, {
        lines: [{ barcode: 'NO-SUCH-CODE', quantity: 1 }],
      }).expect(409);
      await post(w.warehouse, `/api/orders/${order.id}/check`, { lines: [{ quantity: 1 }] }).expect(400);

      const seen = (await get(w.warehouse, `/api/orders/${order.id}/check`).expect(200)).body as OrderCheck;
      expect(seen.lines.find((line) => line.sku === product.sku)?.confirmed).toBe(13);
      expect(seen.mismatches.map((mismatch) => mismatch.code)).toEqual([
        'NO-SUCH-CODE',
        stranger.sku,
        product.sku,
      ]);

      await post(w.warehouse, `/api/orders/${order.id}/check`, {
        lines: [
          { sku: product.sku, quantity: 1 },
          { sku: other.sku, quantity: 1 },
        ],
      }).expect(200);
      const done = (await get(w.warehouse, `/api/orders/${order.id}/check`).expect(200)).body as OrderCheck;
      expect(done.complete).toBe(true);
      const board = (
        await get(
          w.warehouse,
          `/api/fulfilment/orders?warehouseCode=${w.warehouseCode}&status=picking&pageSize=100`,
        ).expect(200)
      ).body as Page<FulfilmentOrder>;
      expect(board.items.find((row) => row.id === order.id)?.checked).toBe(true);
      await post(w.warehouse, `/api/orders/${order.id}/pack`, { packages: [{}] }).expect(200);
    });
  });

  describe('the board', () => {
    it('shows the ship-by date, late when it is past, and sorts by it', async () => {
      const product = await stocked(10);
      const late = await place([{ productId: product.id, quantity: 1 }]);
      const soon = await place([{ productId: product.id, quantity: 1 }]);
      await t.dataSource.query(
        `UPDATE order_lines SET promise = jsonb_set(promise, '{splits,0,shipDate}', '"2020-01-06"') WHERE order_id = $1`,
        [late.id],
      );
      const board = (
        await get(
          w.warehouse,
          `/api/fulfilment/orders?warehouseCode=${w.warehouseCode}&status=confirmed&sort=shipBy&pageSize=100`,
        ).expect(200)
      ).body as Page<FulfilmentOrder>;
      const ids = board.items.map((row) => row.id);
      expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
      expect(board.items.find((row) => row.id === late.id)).toMatchObject({
        shipBy: '2020-01-06',
        late: true,
      });
      expect(board.items.find((row) => row.id === soon.id)).toMatchObject({ late: false });
    });
  });

  describe('velocity and slotting', () => {
    it('classes products by shipment lines of the last 90 days and lists A products outside the accessible aisles', async () => {
      const top = await stocked(100, 'Z-1');
      const mid = await stocked(100, 'A-1');
      const low = await stocked(100, 'A-2');
      const ship = async (productId: string, times: number) => {
        for (let i = 0; i < times; i++) {
          const order = await place([{ productId, quantity: 1 }]);
          await post(w.warehouse, `/api/orders/${order.id}/shipments`, {
            carrier: 'UPS',
            trackingNumber: `1Z${uniqueTag()}`,
            lines: [{ orderLineId: order.lines[0]?.id, quantity: 1 }],
          }).expect(201);
        }
      };
      await ship(top.id, 8);
      await ship(mid.id, 1);
      await ship(low.id, 1);
      const rows = (
        await get(w.manager, `/api/fulfilment/velocity?warehouseCode=${w.warehouseCode}`).expect(200)
      ).body as VelocityRow[];
      const mine = rows.filter((row) => [top.id, mid.id, low.id].includes(row.productId));
      expect(mine.find((row) => row.productId === top.id)).toMatchObject({ picks: 8 });
      // The trigger's counts are what the bulk-load rebuild computes from the shipment lines.
      const [counted] = (await t.dataSource.query(
        `SELECT (SELECT sum(picks) FROM picks_by_day WHERE product_id = $1)::int AS kept,
                (SELECT count(*) FROM shipment_lines sl JOIN order_lines l ON l.id = sl.order_line_id
                  WHERE l.product_id = $1)::int AS lines`,
        [top.id],
      )) as { kept: number; lines: number }[];
      expect(counted).toEqual({ kept: 8, lines: 8 });
      const classOf = (id: string) => rows.find((row) => row.productId === id)?.velocityClass ?? 'C';
      expect(classOf(top.id) <= classOf(mid.id)).toBe(true);
      const slotting = (
        await get(w.admin, `/api/fulfilment/slotting?warehouseCode=${w.warehouseCode}`).expect(200)
      ).body as SlottingReport;
      expect(slotting.accessibleAisles[0]).toBe('A');
      if (classOf(top.id) === 'A') {
        expect(slotting.rows.find((row) => row.productId === top.id)).toMatchObject({ aisle: 'Z' });
      }
    });
  });

  it('gives customer users 403 on every warehouse route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const user of [w.buyer, w.approver]) {
      await wave([id], user).expect(403);
      await get(user, `/api/fulfilment/waves?warehouseCode=${w.warehouseCode}`).expect(403);
      await get(user, `/api/fulfilment/waves/${id}`).expect(403);
      await post(user, `/api/fulfilment/waves/${id}/close`).expect(403);
      await post(user, `/api/fulfilment/waves/${id}/short`, {
        orderLineId: id,
        quantity: 1,
        reason: 'x',
      }).expect(403);
      await get(user, `/api/orders/${id}/check`).expect(403);
      await post(user, `/api/orders/${id}/check`, { lines: [{ sku: 'X', quantity: 1 }] }).expect(403);
      await get(user, `/api/fulfilment/velocity?warehouseCode=${w.warehouseCode}`).expect(403);
      await get(user, `/api/fulfilment/slotting?warehouseCode=${w.warehouseCode}`).expect(403);
      await t.http
        .put(`/api/stock/${id}/${w.warehouseCode}`)
        .set(bearer(user))
        .send({ bin: 'A-1' })
        .expect(403);
    }
  });
});
