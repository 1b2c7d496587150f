import type { Response } from 'supertest';
import { AccountEntity } from '../accounts/account.entity';
import type { ProductEntity } from '../catalog/product.entity';
import { bearer, createAccount, createProduct, createUser, TestUser } from '../test-support/fixtures';
import {
  addInbound,
  createOrderingWorld,
  OrderingWorld,
  placeOrder,
  setStock,
  stockOf,
} from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';
import { expectConsistentSupply } from '../test-support/supply-invariants';

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Customer {
  buyer: TestUser;
  accountId: string;
  addressId: string;
}

/**
 * Placement under contention, over real HTTP and PostgreSQL: whatever the
 * interleaving, stock is never oversold, no unit is promised twice, a key
 * makes one order, and credit is never exceeded without a hold.
 */
describe('placing orders concurrently', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let customers: Customer[];
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '10' });
    w = await createOrderingWorld(t);
    // Ten accounts, so orders contend on stock rather than queue on one account's credit lock.
    customers = [];
    for (let index = 0; index < 10; index += 1) {
      const account = await createAccount(t, {
        creditLimit: '1000000.00',
        defaultWarehouseCode: w.warehouseCode,
      });
      const [address] = (await t.dataSource.query('SELECT id FROM addresses WHERE account_id = $1', [
        account.id,
      ])) as { id: string }[];
      customers.push({
        buyer: await createUser(t, 'buyer', account.id),
        accountId: account.id,
        addressId: address?.id ?? '',
      });
    }
  }, 120_000);
  afterAll(() => t.close());

  const orderFor = (customer: Customer, lines: { productId: string; quantity: number }[]) =>
    placeOrder(t, customer.buyer, { lines, shippingAddressId: customer.addressId, shipComplete: false });

  it('places exactly 10 of 200 concurrent single-unit orders for 10 units of a product that is not backorderable', async () => {
    const product = await createProduct(t, { backorderable: false });
    await setStock(t, product.id, w.warehouseCode, 10);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        orderFor(customers[index % customers.length] as Customer, [{ productId: product.id, quantity: 1 }]),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(190);
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 10, reserved: 10 });
    const { lines } = await expectConsistentSupply(t, product.id, w.warehouseCode);
    expect(lines).toHaveLength(10);
  }, 120_000);

  it('never promises a unit of stock or inbound twice to concurrent orders of a backorderable product, nor while orders are cancelled and receipts arrive', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 25);
    const early = await addInbound(t, product.id, w.warehouseCode, 30, daysAhead(10));
    await addInbound(t, product.id, w.warehouseCode, 20, daysAhead(20));
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        orderFor(customers[index % customers.length] as Customer, [
          { productId: product.id, quantity: (index % 5) + 1 },
        ]),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    // 60 orders of 1..5 units: 12 × (1+2+3+4+5) = 180 units: 25 from stock, 50 from receipts, 105 backordered.
    const placed = await expectConsistentSupply(t, product.id, w.warehouseCode);
    expect(placed.stock).toMatchObject({ onHand: 25, reserved: 25 });
    expect(placed.receipts.map((receipt) => receipt.allocated).sort()).toEqual([20, 30]);
    expect(placed.lines.reduce((sum, line) => sum + line.backordered, 0)).toBe(105);

    // Now cancel every other order while the early receipt is received and more orders come in.
    const cancels = responses
      .filter((_, index) => index % 2 === 0)
      .map((response, index) =>
        t.http
          .post(`/api/orders/${(response.body as { id: string }).id}/cancel`)
          .set(bearer((customers[(index * 2) % customers.length] as Customer).buyer))
          .send({ reason: 'Concurrency test' }),
      );
    const receive = t.http.post(`/api/inbound/${early}/receive`).set(bearer(w.warehouse));
    const more = Array.from({ length: 20 }, (_, index) =>
      orderFor(customers[index % customers.length] as Customer, [{ productId: product.id, quantity: 2 }]),
    );
    const settled = (await Promise.all([...cancels, receive, ...more])) as Response[];
    expect(settled.map((response) => response.status).filter((status) => status >= 300)).toEqual([]);
    const after = await expectConsistentSupply(t, product.id, w.warehouseCode);
    expect(after.stock?.onHand).toBe(55);
  }, 120_000);

  it('locks rows in one order whatever the order of the lines: no deadlock between orders of the same products', async () => {
    const products: ProductEntity[] = [];
    for (let index = 0; index < 5; index += 1) {
      const product = await createProduct(t);
      await setStock(t, product.id, w.warehouseCode, 1000);
      products.push(product);
    }
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => {
        const lines = products.map((product) => ({ productId: product.id, quantity: 1 }));
        return orderFor(customers[index % customers.length] as Customer, index % 2 ? lines.reverse() : lines);
      }),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    for (const product of products) {
      expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 1000, reserved: 40 });
    }
  }, 120_000);

  it('makes one order of the same Idempotency-Key sent 50 times at once', async () => {
    const product = await createProduct(t);
    await setStock(t, product.id, w.warehouseCode, 100);
    const customer = customers[0] as Customer;
    const body = {
      lines: [{ productId: product.id, quantity: 1 }],
      shippingAddressId: customer.addressId,
      shipComplete: false,
    };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => placeOrder(t, customer.buyer, body, 'the-same-key')),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => status === 201 || status === 200 || status === 409)).toBe(true);
    const ids = new Set(
      responses
        .filter((response) => response.status < 300)
        .map((response) => (response.body as { id: string }).id),
    );
    expect(ids.size).toBe(1);
    for (const response of responses.filter((response) => response.status === 409)) {
      expect(response.headers['retry-after']).toBe('1');
    }
    const [count] = (await t.dataSource.query(
      'SELECT count(*)::int AS n FROM order_lines WHERE product_id = $1',
      [product.id],
    )) as { n: number }[];
    expect(count?.n).toBe(1);
    expect(await stockOf(t, product.id, w.warehouseCode)).toEqual({ onHand: 100, reserved: 1 });
    // Once settled, a retry gets the order.
    const retry = await placeOrder(t, customer.buyer, body, 'the-same-key').expect(200);
    expect(ids.has(retry.body.id)).toBe(true);
  }, 120_000);

  it('never lets 20 concurrent orders together pass the credit limit without a hold', async () => {
    const product = await createProduct(t, { listPrice: '100.00' });
    await setStock(t, product.id, w.warehouseCode, 100);
    const account: AccountEntity = await createAccount(t, {
      creditLimit: '1000.00',
      defaultWarehouseCode: w.warehouseCode,
    });
    const [address] = (await t.dataSource.query('SELECT id FROM addresses WHERE account_id = $1', [
      account.id,
    ])) as {
      id: string;
    }[];
    const buyers = [await createUser(t, 'buyer', account.id), await createUser(t, 'buyer', account.id)];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        placeOrder(t, buyers[index % 2] as TestUser, {
          lines: [{ productId: product.id, quantity: 1 }],
          shippingAddressId: address?.id,
          shipComplete: false,
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const statuses = responses.map((response) => (response.body as { status: string }).status);
    // 10 × 100.00 reach the 1000.00 limit exactly; every later one is held.
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'on_hold')).toHaveLength(10);
    const [exposure] = (await t.dataSource.query(
      `SELECT sum(subtotal)::text AS confirmed FROM orders WHERE account_id = $1 AND status = 'confirmed'`,
      [account.id],
    )) as { confirmed: string }[];
    expect(exposure?.confirmed).toBe('1000.00');
  }, 120_000);

  it('keeps every account’s running exposure equal to its open, unpaid orders through concurrent changes', async () => {
    const product = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, product.id, w.warehouseCode, 1000);
    const account: AccountEntity = await createAccount(t, {
      creditLimit: '100.00',
      defaultWarehouseCode: w.warehouseCode,
    });
    const [address] = (await t.dataSource.query('SELECT id FROM addresses WHERE account_id = $1', [
      account.id,
    ])) as { id: string }[];
    const buyer = await createUser(t, 'buyer', account.id);
    const placed = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        placeOrder(t, buyer, {
          lines: [{ productId: product.id, quantity: 1 + (index % 3) }],
          shippingAddressId: address?.id,
          shipComplete: false,
        }).expect(201),
      ),
    );
    const ids = placed.map((response) => (response.body as { id: string }).id);
    // Cancel some, pay some, release the holds of others, all at once.
    await Promise.all([
      ...ids.slice(0, 5).map((id) => t.http.post(`/api/orders/${id}/cancel`).set(bearer(buyer)).send({})),
      ...ids
        .slice(5, 9)
        .map((id) => t.http.post(`/api/orders/${id}/mark-paid`).set(bearer(w.manager)).send({})),
      ...ids
        .slice(9, 12)
        .map((id) => t.http.post(`/api/orders/${id}/release-hold`).set(bearer(w.admin)).send({})),
      ...ids.slice(5, 7).map((id) => t.http.post(`/api/orders/${id}/cancel`).set(bearer(w.admin)).send({})),
    ]);
    const [row] = (await t.dataSource.query(
      `SELECT (SELECT exposure::text FROM account_exposure WHERE account_id = $1) AS running,
              (SELECT coalesce(sum(subtotal), 0)::text FROM orders
                WHERE account_id = $1 AND paid_at IS NULL AND status NOT IN ('cancelled', 'rejected')) AS counted`,
      [account.id],
    )) as { running: string; counted: string }[];
    expect(row?.running).toBe(row?.counted);
    expect(Number(row?.counted)).toBeGreaterThan(0);
  }, 120_000);
});
