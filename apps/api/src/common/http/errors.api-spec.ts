import { bearer, createAccount, createUser, TestUser } from '../../test-support/fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';

/** Bad input of every kind: a clear 4xx problem document, never a 5xx, never a stack. */
describe('errors as problem+json', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '10kb' });
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const expectProblem = (
    response: {
      status: number;
      headers: Record<string, string>;
      body: Record<string, unknown>;
      text: string;
    },
    status: number,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
    expect(response.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  };

  it('malformed JSON is a 400', async () => {
    const response = await t.http
      .post('/api/products')
      .set(bearer(admin))
      .set('Content-Type', 'application/json')
      .send('{"sku": ');
    expectProblem(response, 400);
  });

  it('a body over the limit is a 413', async () => {
    const response = await t.http
      .post('/api/products')
      .set(bearer(admin))
      .send({ name: 'x'.repeat(20_000) });
    expectProblem(response, 413);
  });

  it('unknown fields and wrong types are 400 with the fields named', async () => {
    const response = await t.http.post('/api/products').set(bearer(admin)).send({
      sku: 'OK-1',
      name: 'n',
      category: 'c',
      unit: 'each',
      listPrice: 12.5,
      minOrderQty: '2',
      colour: 'red',
    });
    expectProblem(response, 400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['listPrice', 'minOrderQty', 'colour']));
  });

  it('money with more than two decimals, negative money and absurd numbers are 400', async () => {
    for (const listPrice of ['12.345', '-1.00', '1e5', '99999999999999999.00']) {
      const response = await t.http
        .post('/api/products')
        .set(bearer(admin))
        .send({ sku: 'OK-2', name: 'n', category: 'c', unit: 'each', listPrice });
      expectProblem(response, 400);
    }
  });

  it('a page size over 100 and a page below 1 are 400', async () => {
    expectProblem(await t.http.get('/api/products?pageSize=101').set(bearer(admin)), 400);
    expectProblem(await t.http.get('/api/products?page=0').set(bearer(admin)), 400);
    expectProblem(await t.http.get('/api/products?page=abc').set(bearer(admin)), 400);
  });

  it('unknown routes and malformed ids are 404', async () => {
    expectProblem(await t.http.get('/api/no-such-thing').set(bearer(admin)), 404);
    expectProblem(await t.http.get('/api/accounts/not-a-uuid').set(bearer(admin)), 404);
    expectProblem(
      await t.http.get('/api/accounts/00000000-0000-4000-8000-000000000000').set(bearer(admin)),
      404,
    );
  });

  it('duplicate unique values are 409, not 500', async () => {
    const account = await createAccount(t);
    const response = await t.http
      .post('/api/accounts')
      .set(bearer(admin))
      .send({ code: account.code, name: 'Again' });
    expectProblem(response, 409);
  });

  it('a missing token is 401 with WWW-Authenticate', async () => {
    const response = await t.http.get('/api/accounts');
    expectProblem(response, 401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('sets security headers and a request id', async () => {
    const response = await t.http.get('/api/health').set('X-Request-Id', 'trace-me-123').expect(200);
    expect(response.body).toEqual({ status: 'ok', db: 'up' });
    expect(response.headers['x-request-id']).toBe('trace-me-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
