import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { ROLLUP_REBUILD_SQL } from '@tradecounter/report-rollups';
import { AccountEntity } from '../accounts/account.entity';
import { AddressEntity } from '../accounts/address.entity';
import { bearer, createWarehouse, createWorld, TestUser } from './fixtures';
import type { TestApp } from './test-app';

/**
 * The world of fixtures.ts, with a warehouse of its own that both accounts
 * ship from, generous credit, and each account's shipping address.
 */
export async function createOrderingWorld(t: TestApp, creditLimit = '1000000.00') {
  const world = await createWorld(t);
  const warehouse = await createWarehouse(t);
  const accounts = t.dataSource.getRepository(AccountEntity);
  for (const account of [world.mine, world.theirs]) {
    await accounts.update(account.id, { defaultWarehouseCode: warehouse.code, creditLimit });
  }
  const addresses = t.dataSource.getRepository(AddressEntity);
  const addressOf = async (accountId: string) => (await addresses.findOneByOrFail({ accountId })).id;
  return {
    ...world,
    warehouseCode: warehouse.code,
    mineAddress: await addressOf(world.mine.id),
    theirsAddress: await addressOf(world.theirs.id),
  };
}

export type OrderingWorld = Awaited<ReturnType<typeof createOrderingWorld>>;

export async function setStock(t: TestApp, productId: string, warehouseCode: string, onHand: number) {
  await t.dataSource.query(
    `INSERT INTO stock (product_id, warehouse_code, on_hand, reserved) VALUES ($1, $2, $3, 0)
     ON CONFLICT (product_id, warehouse_code) DO UPDATE SET on_hand = EXCLUDED.on_hand`,
    [productId, warehouseCode, onHand],
  );
}

export async function addInbound(
  t: TestApp,
  productId: string,
  warehouseCode: string,
  qty: number,
  expectedDate: string,
): Promise<string> {
  const [row] = (await t.dataSource.query(
    `INSERT INTO inbound (product_id, warehouse_code, qty, expected_date) VALUES ($1, $2, $3, $4) RETURNING id`,
    [productId, warehouseCode, qty, expectedDate],
  )) as { id: string }[];
  return row?.id ?? '';
}

export async function stockOf(t: TestApp, productId: string, warehouseCode: string) {
  const [row] = (await t.dataSource.query(
    'SELECT on_hand AS "onHand", reserved FROM stock WHERE product_id = $1 AND warehouse_code = $2',
    [productId, warehouseCode],
  )) as { onHand: number; reserved: number }[];
  return row;
}

/** POST /api/orders with a fresh Idempotency-Key unless one is given. */
export function placeOrder(
  t: TestApp,
  user: TestUser,
  body: Record<string, unknown>,
  key: string = randomUUID(),
): Test {
  return t.http.post('/api/orders').set(bearer(user)).set('Idempotency-Key', key).send(body);
}

/**
 * Moves an order's placing time into the past, which no route can do. The
 * report rollups are keyed by that day and their triggers follow only
 * status changes, so the order's account is rolled up again in the same
 * transaction: the rollups stay equal to the orders for every spec that
 * shares the run's database (sales.api-spec.ts compares them all).
 */
export async function backdateOrder(t: TestApp, orderId: string, placedAt: string): Promise<void> {
  await t.dataSource.transaction(async (tx) => {
    const [order] = (await tx.query(
      'UPDATE orders SET placed_at = $2 WHERE id = $1 RETURNING account_id AS "accountId"',
      [orderId, placedAt],
    )) as [{ accountId: string }[], number];
    const accountId = order[0]?.accountId;
    if (!accountId) throw new Error(`no order ${orderId} to backdate`);
    for (const sql of ROLLUP_REBUILD_SQL) await tx.query(sql, [[accountId]]);
  });
}

/** Counts of what exists for an account: orders, their lines, events, idempotency keys. */
export async function orderCounts(t: TestApp, accountId: string) {
  const [row] = (await t.dataSource.query(
    `SELECT (SELECT count(*)::int FROM orders WHERE account_id = $1) AS orders,
            (SELECT count(*)::int FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.account_id = $1) AS lines,
            (SELECT count(*)::int FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.account_id = $1) AS events`,
    [accountId],
  )) as { orders: number; lines: number; events: number }[];
  return row;
}

/**
 * The check step before packing: confirms every line's expected units by
 * SKU, as a warehouse user scanning them would (packing needs it).
 */
export async function checkOrder(t: TestApp, user: TestUser, orderId: string): Promise<void> {
  const check = (await t.http.get(`/api/orders/${orderId}/check`).set(bearer(user)).expect(200)).body as {
    lines: { sku: string; expected: number; confirmed: number }[];
  };
  const lines = check.lines
    .filter((line) => line.expected > line.confirmed)
    .map((line) => ({ sku: line.sku, quantity: line.expected - line.confirmed }));
  if (lines.length === 0) return;
  await t.http.post(`/api/orders/${orderId}/check`).set(bearer(user)).send({ lines }).expect(200);
}
