import Ajv from 'ajv';
import { bearer, createProduct, createWorld, TestUser, World } from '../test-support/fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

type Schema = Record<string, unknown>;
interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

/** OpenAPI 3.0's `nullable` in JSON Schema terms, so a standard validator reads the document's schemas. */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, jsonSchema(value)]));
  if (!nullable) return converted;
  if (typeof converted['type'] === 'string') return { ...converted, type: [converted['type'], 'null'] };
  return { anyOf: [converted, { type: 'null' }] };
}

/**
 * The schemas are generated from the contracts' types; these real answers show they also match what the
 * handlers send (a member the contract calls required but the answer lacks, a number sent as a string, …).
 */
describe('OpenAPI answers: real responses match the schemas the document declares', () => {
  let t: TestApp;
  let document: Document;
  let world: World;
  let ajv: Ajv;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/api/docs-json').expect(200)).body as Document;
    world = await createWorld(t);
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'doc', components: jsonSchema(document.components) } as Schema);
  });
  afterAll(() => t.close());

  /** GETs a route as a user and checks its answer against the document's schema for that status. */
  async function check(user: TestUser, template: string, path = template) {
    const response = await t.http.get(path).set(bearer(user));
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    const schema = document.paths[template]?.['get']?.responses['200']?.content?.['application/json']?.schema;
    expect(schema).toBeDefined();
    const validate = ajv.compile({ allOf: [rebase(schema)] });
    if (!validate(response.body)) throw new Error(`${path}: ${ajv.errorsText(validate.errors)}`);
    return response.body as unknown;
  }
  /** A route's schema, its $refs pointing into the document added to the validator as `doc`. */
  const rebase = (schema: unknown): Schema =>
    JSON.parse(JSON.stringify(jsonSchema(schema)).replace(/"#\/components/g, '"doc#/components')) as Schema;

  it('the catalog, a product, who I am, my notifications, orders and templates, as a buyer', async () => {
    const product = await createProduct(t);
    await check(world.buyer, '/api/products', `/api/products?search=${product.sku}`);
    await check(world.buyer, '/api/products/{id}', `/api/products/${product.id}`);
    await check(world.buyer, '/api/me');
    await check(world.buyer, '/api/categories');
    await check(world.buyer, '/api/orders');
    await check(world.buyer, '/api/notifications');
    await check(world.buyer, '/api/templates');
  });

  it('accounts, users, audit and settings, as an admin', async () => {
    await check(world.admin, '/api/accounts');
    await check(world.admin, '/api/accounts/{id}', `/api/accounts/${world.mine.id}`);
    await check(world.admin, '/api/users');
    await check(world.admin, '/api/audit');
    await check(world.admin, '/api/settings/company');
    await check(world.admin, '/api/price-tiers');
    await check(world.admin, '/api/warehouses');
    await check(world.admin, '/api/imports/kinds');
  });

  it('fails an answer that breaks its schema (the check is real)', () => {
    const validate = ajv.compile({ allOf: [{ $ref: 'doc#/components/schemas/Problem' }] });
    expect(validate({ type: 'about:blank', title: 'Not Found', status: '404' })).toBe(false);
    expect(validate({ type: 'about:blank', title: 'Not Found', status: 404 })).toBe(true);
  });
});
