import type { Order } from '@tradecounter/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import {
  bearer,
  createAccount,
  createProduct,
  createUser,
  createWarehouse,
  TestUser,
} from '../test-support/fixtures';
import { withClient, withDatabase } from '../test-support/global-setup';
import { checkOrder, createOrderingWorld, placeOrder, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

export const NO_ID = '00000000-0000-4000-8000-000000000000';
/** Nothing listens there, and tests never dispatch webhooks; a literal address needs no DNS. */
export const FUZZ_HOOK_URL = 'http://127.0.0.1:9/fuzz-hook';

/**
 * The fuzz suite's own database: it sends whatever it generates to every
 * route, deployment-wide settings included (the holiday calendar, the default
 * warehouse), which the other API specs running beside it must not see change.
 */
export async function startFuzzApp(): Promise<{ t: TestApp; dispose(): Promise<void> }> {
  const shared = process.env['TEST_DATABASE_URL'];
  if (!shared) throw new Error('TEST_DATABASE_URL is unset: run the API tests through jest (global setup)');
  const name = `tc_fuzz_${process.pid}_${Date.now().toString(36)}`;
  await withClient(shared, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(shared, name);
  const migrations = new DataSource(dataSourceOptions(url));
  await migrations.initialize();
  await migrations.runMigrations();
  await migrations.destroy();
  // startTestApp reads the URL from the environment: point it here while the app starts, then put it back.
  process.env['TEST_DATABASE_URL'] = url;
  try {
    const t = await startTestApp();
    return {
      t,
      dispose: async () => {
        await t.close();
        await withClient(shared, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  } finally {
    process.env['TEST_DATABASE_URL'] = shared;
  }
}

export const ROLES = ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'] as const;
export type FuzzRole = (typeof ROLES)[number] | 'channel' | 'anonymous';

/**
 * Everything the fuzz requests point at: a user of every role, an account
 * they look after, and one object of every kind in every state a route needs
 * (an order awaiting approval, one packed, one shipped…). Routes that destroy
 * or disable what they touch (revoke, delete, PATCH an account or product)
 * get objects of their own, so the rest keep reaching deep code.
 */
export async function createFuzzWorld(t: TestApp) {
  const w = await createOrderingWorld(t);
  const product = await createProduct(t, { listPrice: '12.00' });
  const patchProduct = await createProduct(t);
  const stockProduct = await createProduct(t);
  await setStock(t, product.id, w.warehouseCode, 1_000_000);
  const patchAccount = await createAccount(t, { accountManagerId: w.am.id });
  const patchWarehouse = await createWarehouse(t);
  const targetStaff = await createUser(t, 'warehouse');
  const targetBuyer = await createUser(t, 'buyer', w.mine.id);

  const api = (
    user: TestUser | null,
    method: 'post' | 'put',
    path: string,
    body: object,
    apiKey?: string,
  ) => {
    let call = t.http[method](path);
    if (user) call = call.set(bearer(user));
    if (apiKey) call = call.set('X-Api-Key', apiKey);
    return call.send(body);
  };
  const idOf = async (call: PromiseLike<{ status: number; body: unknown }>): Promise<string> => {
    const response = await call;
    const id = (response.body as { id?: string }).id;
    return response.status < 300 && id ? id : NO_ID;
  };

  const tier = await idOf(
    api(w.admin, 'post', '/api/price-tiers', { name: `Fuzz ${randomUUID()}`, discountPercent: '5' }),
  );
  const expectedDate = '2031-03-10';
  const inboundBody = { productId: product.id, warehouseCode: w.warehouseCode, qty: 5, expectedDate };
  const inbound = await idOf(api(w.warehouse, 'post', '/api/inbound', inboundBody));
  const receiveInbound = await idOf(api(w.warehouse, 'post', '/api/inbound', inboundBody));
  const templateBody = () => ({
    name: `Fuzz ${randomUUID()}`,
    lines: [{ productId: product.id, quantity: 1 }],
  });
  const template = await idOf(api(w.buyer, 'post', '/api/templates', templateBody()));
  const doomedTemplate = await idOf(api(w.buyer, 'post', '/api/templates', templateBody()));
  const standingOrder = await idOf(
    api(w.buyer, 'post', '/api/standing-orders', {
      lines: [{ productId: product.id, quantity: 1 }],
      shippingAddressId: w.mineAddress,
      schedule: { every: 'week', interval: 1, weekday: 1 },
    }),
  );
  // A key bound to the fuzz account where channels are bound to accounts; a plain one where they are not.
  const createChannel = async (name: string) => {
    const bound = await api(w.admin, 'post', '/api/channels', {
      name,
      accountIds: [w.mine.id],
      allowAddresses: true,
    });
    return bound.status === 400 ? api(w.admin, 'post', '/api/channels', { name }) : bound;
  };
  const channel = (await createChannel(`fz-${Date.now().toString(36)}`)).body as { apiKey?: string };
  const apiKey = channel.apiKey ?? 'tck_missing';
  const doomedChannel = await idOf(createChannel(`fz-doomed-${Date.now().toString(36)}`));
  const webhookBody = { url: FUZZ_HOOK_URL, events: ['order.created'] };
  const webhook = await idOf(api(w.admin, 'post', '/api/webhooks', webhookBody));
  const doomedWebhook = await idOf(api(w.admin, 'post', '/api/webhooks', webhookBody));

  const place = async (user: TestUser, quantity = 1): Promise<Order> => {
    const response = await placeOrder(t, user, {
      lines: [{ productId: product.id, quantity }],
      shippingAddressId: w.mineAddress,
      shipComplete: false,
    });
    if (response.status !== 201) throw new Error(`fuzz world: placing an order answered ${response.status}`);
    return response.body as Order;
  };
  const step = (order: Order, action: string, body: object = {}) =>
    api(w.warehouse, 'post', `/api/orders/${order.id}/${action}`, body);
  const toPacked = async (order: Order) => {
    await step(order, 'pick');
    await checkOrder(t, w.warehouse, order.id);
    await step(order, 'pack', { packages: [{ weightKg: 1.5 }] });
    return order;
  };
  const toShipped = async (order: Order) => {
    await toPacked(order);
    const shipped = await step(order, 'shipments', {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      lines: order.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })),
    });
    return ((shipped.body as Order).shipments ?? [])[0]?.id ?? NO_ID;
  };

  const order = await place(w.approver);
  const pickOrder = await place(w.approver);
  const packOrder = await place(w.approver);
  await step(packOrder, 'pick');
  await checkOrder(t, w.warehouse, packOrder.id);
  const shipOrder = await toPacked(await place(w.approver));
  const deliverOrder = await place(w.approver);
  const shipment = await toShipped(deliverOrder);
  const rateOrder = await place(w.approver);
  const rateShipment = await toShipped(rateOrder);
  await api(w.warehouse, 'post', `/api/shipments/${rateShipment}/deliver`, {
    deliveredAt: new Date().toISOString(),
  });
  // Over the buyer's 500.00 order limit: these wait for an approver.
  const approveOrder = await place(w.buyer, 50);
  const rejectOrder = await place(w.buyer, 50);

  // Sales quotes: one quoted (read, accept, change, decline), two requested (to price, to withdraw).
  const requestQuote = () =>
    t.http
      .post('/api/quotes')
      .set(bearer(w.buyer))
      .set('Idempotency-Key', randomUUID())
      .send({ lines: [{ productId: product.id, quantity: 2 }] });
  const quote = await idOf(requestQuote());
  await api(w.am, 'post', `/api/quotes/${quote}/quote`, {
    lines: [{ productId: product.id, unitPrice: '10.00' }],
  });
  const requestedQuote = await idOf(requestQuote());
  const withdrawQuote = await idOf(requestQuote());

  const firstId = async (sql: string): Promise<string> => {
    const [row] = (await t.dataSource.query(sql)) as { id: string }[];
    return row?.id ?? NO_ID;
  };

  return {
    ...w,
    apiKey,
    product,
    patchProduct,
    stockProduct,
    patchAccount,
    patchWarehouse,
    targetStaff,
    targetBuyer,
    ids: {
      tier,
      inbound,
      receiveInbound,
      template,
      doomedTemplate,
      standingOrder,
      doomedChannel,
      webhook,
      doomedWebhook,
      order: order.id,
      cancelOrder: (await place(w.approver)).id,
      holdOrder: (await place(w.approver)).id,
      paidOrder: (await place(w.approver)).id,
      pickOrder: pickOrder.id,
      packOrder: packOrder.id,
      shipOrder: shipOrder.id,
      shipOrderLine: shipOrder.lines[0]?.id ?? NO_ID,
      shipment,
      rateOrder: rateOrder.id,
      approveOrder: approveOrder.id,
      rejectOrder: rejectOrder.id,
      notification: await firstId('SELECT id FROM notifications ORDER BY created_at LIMIT 1'),
      delivery: await firstId('SELECT id FROM webhook_deliveries LIMIT 1'),
      quote,
      requestedQuote,
      withdrawQuote,
    },
  };
}

export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;

/** The token or key each fuzz role sends. */
export function credentialsOf(w: FuzzWorld, role: FuzzRole): Record<string, string> {
  switch (role) {
    case 'anonymous':
      return {};
    case 'channel':
      return { 'X-Api-Key': w.apiKey };
    case 'buyer':
      return bearer(w.buyer);
    case 'approver':
      return bearer(w.approver);
    case 'account_manager':
      return bearer(w.am);
    case 'warehouse':
      return bearer(w.warehouse);
    case 'manager':
      return bearer(w.manager);
    case 'admin':
      return bearer(w.admin);
  }
}
