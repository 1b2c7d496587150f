// Inbound supply from purchase orders instead of hand-kept inbound records
// (issue 16), for the availability and catalog benches: SUPPLY=purchase-orders.
//
// Through the API as the demo admin, every hand-kept inbound record still
// expected keeps only the units already promised to order lines (cancelled
// when none are); the free units move to purchase order lines of the same
// product, warehouse, quantity and expected date, on orders of one bench
// supplier, which are then sent, so their open units become the supply. The
// total supply, its dates and what is already promised stay as they were:
// only where the free supply comes from changes. Run again, it finds nothing
// left to move.
import { login } from './catalog.mjs';

export const ADMIN = { email: 'admin@tradecounter.test', password: 'demo1234' };
const SUPPLIER = {
  code: 'BENCH-PO',
  name: 'Bench purchase supplier',
  email: 'bench-po@supplier.test',
  leadTimeDays: 10,
};
const LINES_PER_ORDER = 50;

/** SUPPLY=inbound (default) or purchase-orders. */
export function supplyMode(env = process.env) {
  const mode = env.SUPPLY ?? 'inbound';
  if (mode !== 'inbound' && mode !== 'purchase-orders') {
    throw new Error(`SUPPLY must be inbound or purchase-orders, not ${mode}`);
  }
  return mode;
}

export async function usePurchaseOrdersAsSupply(baseUrl) {
  const token = await login(baseUrl, ADMIN);
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      ok: response.ok,
      etag: response.headers.get('etag'),
      body: text ? JSON.parse(text) : null,
    };
  };
  const must = (result, what) => {
    if (!result.ok) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
    return result;
  };

  const created = await call('POST', '/api/suppliers', SUPPLIER);
  if (!created.ok && created.status !== 409) must(created, 'creating the bench supplier');

  const handKept = [];
  for (let page = 1; ; page += 1) {
    const { body } = must(
      await call('GET', `/api/inbound?status=expected&pageSize=100&page=${page}`),
      'listing inbound',
    );
    handKept.push(...body.items.filter((row) => row.purchaseOrderId === null && row.qty > row.allocated));
    if (body.items.length < 100) break;
  }

  const lines = [];
  for (const row of handKept) {
    const free = row.qty - row.allocated;
    const { etag } = must(await call('GET', `/api/inbound/${row.id}`), 'reading inbound');
    const change = row.allocated === 0 ? { status: 'cancelled' } : { qty: row.allocated };
    must(
      await call('PATCH', `/api/inbound/${row.id}`, change, { 'if-match': etag ?? `"${row.version}"` }),
      'moving inbound',
    );
    lines.push({
      productId: row.productId,
      warehouseCode: row.warehouseCode,
      quantity: free,
      unitCost: '1.00',
      expectedDate: row.expectedDate,
    });
  }

  let orders = 0;
  for (let start = 0; start < lines.length; start += LINES_PER_ORDER) {
    const draft = must(
      await call('POST', '/api/purchase-orders', {
        supplierCode: SUPPLIER.code,
        notes: 'Bench: supply moved from hand-kept inbound',
        lines: lines.slice(start, start + LINES_PER_ORDER),
      }),
      'drafting a purchase order',
    ).body;
    must(
      await call('POST', `/api/purchase-orders/${draft.id}/send`, {}, { 'if-match': `"${draft.version}"` }),
      'sending it',
    );
    orders += 1;
  }
  return {
    movedRecords: handKept.length,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    purchaseOrders: orders,
  };
}
