/**
 * An ERP talking to Tradecounter through a client generated from the OpenAPI document
 * (docs/api-clients.md): openapi-fetch with the generated `paths`, so every path, parameter, body and
 * answer below is type-checked against the API. The API spec openapi-contract.api-spec.ts compiles this
 * file against a client freshly generated from the running API.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './tradecounter-api';

export type TradecounterClient = Client<paths>;
type Problem = components['schemas']['Problem'];

/** Problems are application/problem+json: the title and detail say what went wrong. */
function failed(what: string, problem: Problem | undefined, response: Response): Error {
  return new Error(`${what}: ${response.status} ${problem?.title ?? ''} ${problem?.detail ?? ''}`.trim());
}

/** A client for an integration, its key sent as X-Api-Key on every call. */
export function withApiKey(baseUrl: string, apiKey: string): TradecounterClient {
  return createClient<paths>({ baseUrl, headers: { 'X-Api-Key': apiKey } });
}

/** A client for a user: signs in, then sends the bearer token on every call. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<TradecounterClient> {
  const api = createClient<paths>({ baseUrl });
  const { data, error, response } = await api.POST('/api/auth/login', { body: { email, password } });
  if (!data) throw failed('Sign-in refused', error, response);
  const bearer: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${data.accessToken}`);
      return request;
    },
  };
  api.use(bearer);
  return api;
}

/** The list prices Tradecounter has now, by SKU, a page at a time. */
export async function listPrices(api: TradecounterClient): Promise<Map<string, string>> {
  const prices = new Map<string, string>();
  for (let page = 1; ; page++) {
    const { data, error, response } = await api.GET('/api/products', {
      params: { query: { page, pageSize: 100 } },
    });
    if (!data) throw failed('Listing products failed', error, response);
    for (const product of data.items) prices.set(product.sku, product.listPrice);
    if (page * data.pageSize >= data.total) return prices;
  }
}

/** One order with its lines, as the ERP books it. */
export async function readOrder(api: TradecounterClient, id: string): Promise<string[]> {
  const { data, error, response } = await api.GET('/api/orders/{id}', { params: { path: { id } } });
  if (!data) throw failed(`Order ${id}`, error, response);
  const number: string = data.number;
  return data.lines.map((line) => `${number} ${line.sku} × ${line.quantity} at ${line.unitPrice}`);
}

/** The ERP's price list pushed: all or nothing, by SKU; a field a row leaves out is left unchanged. */
export async function pushPrices(api: TradecounterClient, rows: { sku: string; listPrice: string }[]) {
  // Any bad row is a 400 whose errors name rows[N].field, and nothing is written.
  const { data, error, response } = await api.PUT('/api/sync/{kind}', {
    params: { path: { kind: 'products' } },
    body: { rows },
  });
  if (!data) throw failed('Price sync refused', error, response);
  const changed: number = data.counts.create + data.counts.update;
  return changed;
}

/** One product's price, by SKU. */
export async function pushOne(api: TradecounterClient, sku: string, listPrice: string) {
  const { data, error, response } = await api.PUT('/api/products/by-sku/{sku}', {
    params: { path: { sku } },
    body: { listPrice },
  });
  if (!data) throw failed(`Product ${sku}`, error, response);
  const action: string | undefined = data.rows[0]?.action;
  return action;
}
