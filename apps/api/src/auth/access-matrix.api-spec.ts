import type { Role } from '@tradecounter/contracts';
import { bearer, createProduct, createWorld, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
const NO_TIER = '00000000-0000-4000-8000-000000000000';
const PRICING: Role[] = ['account_manager', 'admin'];
const INTERNAL: Role[] = ['account_manager', 'warehouse', 'manager', 'admin'];
const STOCK_READ: Role[] = ['warehouse', 'manager', 'admin'];
const STOCK_WRITE: Role[] = ['warehouse', 'admin'];
const NO_INBOUND = '00000000-0000-4000-8000-000000000000';
const NO_ORDER = '00000000-0000-4000-8000-000000000000';
const CUSTOMER: Role[] = ['buyer', 'approver'];
const NO_TEMPLATE = '00000000-0000-4000-8000-000000000000';
interface Route {
  method: Method;
  path: (w: World & { productId: string }) => string;
  body?: Record<string, unknown> | unknown[];
  /** Roles that get past the role guard (they may still meet 404 or 400 later). */
  allowed: Role[];
}

const ALL: Role[] = ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'];

/** Every protected route of the foundation, with the roles it admits. */
const ROUTES: Route[] = [
  { method: 'get', path: () => '/api/me', allowed: ALL },
  { method: 'get', path: () => '/api/me/buy-again', allowed: CUSTOMER },
  { method: 'get', path: () => '/api/me/work-counts', allowed: ALL },
  { method: 'post', path: () => '/api/auth/password', body: {}, allowed: ALL },
  { method: 'get', path: () => '/api/accounts', allowed: ALL },
  { method: 'get', path: (w) => `/api/accounts/${w.mine.id}`, allowed: ALL },
  { method: 'post', path: () => '/api/accounts', body: {}, allowed: ['account_manager', 'admin'] },
  {
    method: 'patch',
    path: (w) => `/api/accounts/${w.mine.id}`,
    body: {},
    allowed: ['account_manager', 'admin'],
  },
  { method: 'get', path: (w) => `/api/accounts/${w.mine.id}/addresses`, allowed: ALL },
  {
    method: 'post',
    path: (w) => `/api/accounts/${w.mine.id}/addresses`,
    body: {},
    allowed: ['buyer', 'approver', 'account_manager', 'admin'],
  },
  {
    method: 'get',
    path: (w) => `/api/accounts/${w.mine.id}/users`,
    allowed: ['approver', 'account_manager', 'manager', 'admin'],
  },
  {
    method: 'post',
    path: (w) => `/api/accounts/${w.mine.id}/users`,
    body: {},
    allowed: ['approver', 'admin'],
  },
  {
    method: 'patch',
    path: (w) => `/api/accounts/${w.mine.id}/users/${w.buyer.id}`,
    body: {},
    allowed: ['approver', 'admin'],
  },
  {
    method: 'post',
    path: (w) => `/api/accounts/${w.mine.id}/users/${w.buyer.id}/invite`,
    allowed: ['approver', 'admin'],
  },
  { method: 'get', path: () => '/api/users', allowed: ['account_manager', 'manager', 'admin'] },
  { method: 'post', path: () => '/api/users', body: {}, allowed: ['admin'] },
  { method: 'patch', path: (w) => `/api/users/${w.warehouse.id}`, body: {}, allowed: ['admin'] },
  { method: 'get', path: () => '/api/products', allowed: ALL },
  { method: 'get', path: (w) => `/api/products/${w.productId}`, allowed: ALL },
  { method: 'post', path: () => '/api/products', body: {}, allowed: ['admin'] },
  { method: 'patch', path: (w) => `/api/products/${w.productId}`, body: {}, allowed: ['admin'] },
  { method: 'put', path: (w) => `/api/products/${w.productId}/image`, body: {}, allowed: ['admin'] },
  { method: 'delete', path: (w) => `/api/products/${w.productId}/image`, allowed: ['admin'] },
  { method: 'get', path: () => '/api/categories', allowed: ALL },
  { method: 'get', path: () => '/api/audit', allowed: ['account_manager', 'manager', 'admin'] },
  { method: 'get', path: () => '/api/price-tiers', allowed: [...PRICING, 'manager'] },
  { method: 'get', path: () => `/api/price-tiers/${NO_TIER}`, allowed: [...PRICING, 'manager'] },
  { method: 'post', path: () => '/api/price-tiers', body: {}, allowed: PRICING },
  { method: 'patch', path: () => `/api/price-tiers/${NO_TIER}`, body: {}, allowed: PRICING },
  { method: 'put', path: () => `/api/price-tiers/${NO_TIER}/breaks`, body: [], allowed: PRICING },
  {
    method: 'put',
    path: (w) => `/api/price-tiers/${NO_TIER}/fixed-prices/${w.productId}`,
    body: {},
    allowed: PRICING,
  },
  {
    method: 'delete',
    path: (w) => `/api/price-tiers/${NO_TIER}/fixed-prices/${w.productId}`,
    allowed: PRICING,
  },
  {
    method: 'get',
    path: (w) => `/api/accounts/${w.mine.id}/contract-prices`,
    allowed: [...PRICING, 'manager'],
  },
  {
    method: 'put',
    path: (w) => `/api/accounts/${w.mine.id}/contract-prices/${w.productId}`,
    body: {},
    allowed: PRICING,
  },
  {
    method: 'delete',
    path: (w) => `/api/accounts/${w.mine.id}/contract-prices/${w.productId}`,
    allowed: PRICING,
  },
  { method: 'post', path: () => '/api/pricing/quote', body: {}, allowed: ALL },
  { method: 'get', path: () => '/api/warehouses', allowed: INTERNAL },
  { method: 'get', path: () => '/api/carrier-tracking', allowed: INTERNAL },
  { method: 'put', path: () => '/api/carrier-tracking/Nobody', body: {}, allowed: ['admin'] },
  { method: 'delete', path: () => '/api/carrier-tracking/Nobody', allowed: ['admin'] },
  { method: 'get', path: () => '/api/warehouses/NOWHERE', allowed: INTERNAL },
  { method: 'post', path: () => '/api/warehouses', body: {}, allowed: ['admin'] },
  { method: 'patch', path: () => '/api/warehouses/NOWHERE', body: {}, allowed: ['admin'] },
  { method: 'get', path: () => '/api/calendar/holidays', allowed: ALL },
  { method: 'put', path: () => '/api/calendar/holidays', body: {}, allowed: ['admin'] },
  { method: 'get', path: () => '/api/calendar/holidays/named', allowed: ALL },
  { method: 'get', path: () => '/api/calendar/public-holidays?year=2027', allowed: ['admin'] },
  { method: 'get', path: () => '/api/stock', allowed: STOCK_READ },
  { method: 'put', path: (w) => `/api/stock/${w.productId}/NOWHERE`, body: {}, allowed: STOCK_WRITE },
  { method: 'get', path: () => '/api/inbound', allowed: STOCK_READ },
  { method: 'get', path: () => `/api/inbound/${NO_INBOUND}`, allowed: STOCK_READ },
  { method: 'post', path: () => '/api/inbound', body: {}, allowed: STOCK_WRITE },
  { method: 'patch', path: () => `/api/inbound/${NO_INBOUND}`, body: {}, allowed: STOCK_WRITE },
  { method: 'post', path: () => `/api/inbound/${NO_INBOUND}/receive`, allowed: STOCK_WRITE },
  { method: 'post', path: () => '/api/availability/promise', body: {}, allowed: ALL },
  {
    method: 'post',
    path: () => '/api/orders',
    body: {},
    allowed: ['buyer', 'approver', 'account_manager', 'admin'],
  },
  { method: 'get', path: () => '/api/orders', allowed: ALL },
  { method: 'get', path: () => '/api/orders/open-lines', allowed: ALL },
  { method: 'get', path: () => `/api/orders/${NO_ORDER}`, allowed: ALL },
  {
    method: 'post',
    path: () => `/api/orders/${NO_ORDER}/cancel`,
    body: {},
    allowed: ['buyer', 'approver', 'account_manager', 'admin'],
  },
  { method: 'post', path: () => `/api/orders/${NO_ORDER}/approve`, allowed: ['approver', 'admin'] },
  { method: 'post', path: () => `/api/orders/${NO_ORDER}/reject`, body: {}, allowed: ['approver', 'admin'] },
  {
    method: 'post',
    path: () => `/api/orders/${NO_ORDER}/release-hold`,
    allowed: ['account_manager', 'admin'],
  },
  { method: 'post', path: () => `/api/orders/${NO_ORDER}/mark-paid`, allowed: ['manager', 'admin'] },
  { method: 'get', path: (w) => `/api/accounts/${w.mine.id}/credit`, allowed: ALL },
  { method: 'get', path: () => '/api/cart', allowed: CUSTOMER },
  { method: 'delete', path: () => '/api/cart', allowed: CUSTOMER },
  { method: 'put', path: (w) => `/api/cart/lines/${w.productId}`, body: {}, allowed: CUSTOMER },
  { method: 'delete', path: (w) => `/api/cart/lines/${w.productId}`, allowed: CUSTOMER },
  { method: 'post', path: () => '/api/cart/lines', body: {}, allowed: CUSTOMER },
  { method: 'post', path: () => '/api/cart/import', body: {}, allowed: CUSTOMER },
  { method: 'post', path: () => `/api/cart/reorder/${NO_ORDER}`, allowed: CUSTOMER },
  { method: 'get', path: () => '/api/templates', allowed: CUSTOMER },
  { method: 'get', path: () => `/api/templates/${NO_TEMPLATE}`, allowed: CUSTOMER },
  { method: 'post', path: () => '/api/templates', body: {}, allowed: CUSTOMER },
  { method: 'patch', path: () => `/api/templates/${NO_TEMPLATE}`, body: {}, allowed: CUSTOMER },
  { method: 'delete', path: () => `/api/templates/${NO_TEMPLATE}`, allowed: CUSTOMER },
  { method: 'post', path: () => `/api/templates/${NO_TEMPLATE}/to-cart`, allowed: CUSTOMER },
  { method: 'get', path: () => '/api/channels', allowed: ['admin'] },
  {
    method: 'get',
    path: () => '/api/reports/sales',
    allowed: ['buyer', 'approver', 'account_manager', 'manager', 'admin'],
  },
  { method: 'post', path: () => '/api/channels', body: {}, allowed: ['admin'] },
  { method: 'post', path: () => `/api/channels/${NO_TEMPLATE}/revoke`, allowed: ['admin'] },
  { method: 'patch', path: () => `/api/channels/${NO_TEMPLATE}`, body: {}, allowed: ['admin'] },
];

describe('route × role matrix', () => {
  let t: TestApp;
  let w: World & { productId: string };
  beforeAll(async () => {
    t = await startTestApp();
    const world = await createWorld(t);
    w = { ...world, productId: (await createProduct(t)).id };
  });
  afterAll(() => t.close());

  const userOf = (role: Role) =>
    ({
      buyer: w.buyer,
      approver: w.approver,
      account_manager: w.am,
      warehouse: w.warehouse,
      manager: w.manager,
      admin: w.admin,
    })[role];

  it.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path.toString()}`, route] as const))(
    '%s: 401 without a token, 403 for roles it does not admit',
    async (_name, route) => {
      const path = route.path(w);
      const anonymous = await t.http[route.method](path).send(route.body);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      for (const role of ALL) {
        const response = await t.http[route.method](path)
          .set(bearer(userOf(role)))
          .send(route.body);
        const expected = route.allowed.includes(role) ? 'admitted' : 403;
        const actual =
          response.status === 403 && !route.allowed.includes(role)
            ? 403
            : response.status === 403
              ? 'wrongly forbidden'
              : route.allowed.includes(role)
                ? 'admitted'
                : response.status;
        expect({ path, role, result: actual }).toEqual({ path, role, result: expected });
        expect(response.status).toBeLessThan(500);
      }
    },
  );

  it("answers 404 for another account's data, exactly as for a missing one", async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const user of [w.buyer, w.approver, w.am]) {
      for (const id of [w.theirs.id, missing]) {
        for (const path of [`/api/accounts/${id}`, `/api/accounts/${id}/addresses`]) {
          const response = await t.http.get(path).set(bearer(user));
          expect({ role: user.role, path, status: response.status }).toEqual({
            role: user.role,
            path,
            status: 404,
          });
          expect(response.body.detail).toBe('Account not found');
        }
      }
    }
    await t.http.get(`/api/accounts/${w.theirs.id}/users`).set(bearer(w.approver)).expect(404);
    await t.http
      .post(`/api/accounts/${w.theirs.id}/users`)
      .set(bearer(w.approver))
      .send({ email: 'x@y.test', name: 'x', role: 'buyer', password: 'password-123' })
      .expect(404);
    await t.http
      .patch(`/api/accounts/${w.theirs.id}`)
      .set(bearer(w.am))
      .send({ creditLimit: '1.00' })
      .expect(404);
    await t.http
      .patch(`/api/accounts/${w.mine.id}/users/${w.otherBuyer.id}`)
      .set(bearer(w.approver))
      .send({ name: 'Hijack' })
      .expect(404);
  });

  it('lists only what each caller may see', async () => {
    const codes = async (user: typeof w.buyer, query = '') =>
      (
        (await t.http.get(`/api/accounts?pageSize=100${query}`).set(bearer(user)).expect(200)).body.items as {
          code: string;
        }[]
      ).map((a) => a.code);
    expect(await codes(w.buyer)).toEqual([w.mine.code]);
    expect(await codes(w.otherBuyer)).toEqual([w.theirs.code]);
    // A customer's filters cannot widen their scope.
    expect(await codes(w.buyer, `&search=${w.theirs.code}`)).toEqual([]);
    expect(await codes(w.am)).toEqual([w.mine.code]);
    const all = await codes(w.manager, `&search=${w.theirs.code}`);
    expect(all).toEqual([w.theirs.code]);
  });

  it('keeps account managers to the history of their own accounts', async () => {
    await t.http
      .patch(`/api/accounts/${w.theirs.id}`)
      .set(bearer(w.otherAm))
      .send({ creditLimit: '777.00' })
      .expect(200);
    const mine = await t.http
      .get(`/api/audit?entity=account&entityId=${w.theirs.id}`)
      .set(bearer(w.am))
      .expect(200);
    expect(mine.body.total).toBe(0);
    const theirs = await t.http
      .get(`/api/audit?entity=account&entityId=${w.theirs.id}`)
      .set(bearer(w.otherAm))
      .expect(200);
    expect(theirs.body.total).toBe(1);
  });
});
