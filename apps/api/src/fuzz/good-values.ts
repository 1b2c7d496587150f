import type { FuzzWorld } from './fuzz-world';
import { FUZZ_HOOK_URL, NO_ID } from './fuzz-world';
import type { Json, JsonObject } from './json-text';
import type { RouteSpec, Schema } from './openapi-routes';

/**
 * Good values, so a request gets past every field but the one being spoiled
 * and into the service behind it: real ids of objects the caller may use,
 * unique names where uniqueness is enforced, plausible text elsewhere.
 * `n` numbers the request, for those unique names.
 */

/** Fields that reference what already exists, whatever DTO they are in. */
function referenceValue(w: FuzzWorld, field: string): Json | undefined {
  const references: Record<string, Json> = {
    productId: w.product.id,
    accountId: w.mine.id,
    accountCode: w.mine.code,
    shippingAddressId: w.mineAddress,
    warehouseCode: w.warehouseCode,
    defaultWarehouseCode: w.warehouseCode,
    priceTierId: w.ids.tier,
    accountManagerId: w.am.id,
    orderLineId: w.ids.shipOrderLine,
  };
  return references[field];
}

/** DTOs that create a named thing whose name or code must be new. */
const CREATES_NAMED = new Set([
  'CreateProductDto',
  'UpdateProductDto',
  'CreateAccountDto',
  'CreateWarehouseDto',
]);

function plainValue(
  field: string,
  schema: Schema,
  dto: string | undefined,
  n: number,
  w: FuzzWorld,
): Json | undefined {
  const unique = `${n.toString(36)}${Date.now().toString(36).slice(-4)}`.toUpperCase();
  if (dto === 'CreateChannelDto' && field === 'name') return `fz-${unique.toLowerCase()}`;
  if (field === 'sku') return CREATES_NAMED.has(dto ?? '') ? `FZ-${unique}` : w.product.sku;
  if (field === 'code') return `FZ${unique}`;
  const values: Record<string, Json> = {
    email: `fuzz-${unique.toLowerCase()}@fuzz.example`,
    password: 'a-long-enough-passphrase-42',
    newPassword: 'a-long-enough-passphrase-43',
    // Never the right one: the fuzz must not change its own users' passwords.
    currentPassword: 'not-the-current-password',
    refreshToken: 'f'.repeat(64),
    name: `Fuzz ${unique}`,
    label: 'Dock 2',
    line1: '1 Fuzz Street',
    line2: 'Unit 4',
    city: 'Fuzzville',
    region: 'IL',
    postcode: '60601',
    country: 'US',
    orderLimit: '100.00',
    creditLimit: '1000.00',
    discountPercent: '5',
    minQty: 10,
    unitPrice: '9.50',
    validFrom: '2031-01-01',
    validTo: '2031-12-31',
    timeZone: 'America/Chicago',
    cutoffTime: '14:00',
    handlingDays: 1,
    transitDays: 2,
    onHand: 100_000,
    qty: 5,
    quantity: 1,
    expectedDate: '2031-03-10',
    at: '2031-03-03T16:00:00Z',
    date: '2031-03-03',
    reason: 'fuzz',
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    score: 4,
    comment: 'Fine',
    deliveredAt: new Date().toISOString(),
    url: FUZZ_HOOK_URL,
    secret: 'a-secret-of-at-least-sixteen',
    description: 'A fuzzed product',
    category: 'Fuzz',
    unit: 'each',
    listPrice: '12.00',
    minOrderQty: 1,
    orderMultiple: 1,
    leadTimeDays: 3,
    weightKg: 1.5,
    externalRef: `FZ-${unique}`,
    poNumber: `PO-${unique}`,
    notes: 'Leave at the dock',
    shipComplete: false,
    // Sales quotes: a week ahead is a valid requested date and validUntil whatever the day.
    requestedDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    message: 'Best price for these?',
    revision: 1,
  };
  if (field in values) return values[field];
  if (schema.enum?.length) return schema.enum[0] as Json;
  switch (schema.type) {
    case 'string':
      return 'x';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

/** Optional fields a good body leaves out: they switch modes (fromCart) or change what later requests rely on. */
const LEFT_OUT = new Set([
  'password',
  // Accepting a subset of a quote's lines: without it, all (fuzzed lineIds would stop every accept at validation).
  'lineIds',
  'fromCart',
  'fromOrderId',
  'status',
  'active',
  'requiresPo',
  'isDefault',
  'address',
  'sku',
  'expectedSubtotal',
  'requestedDeliveryDate',
  'accountId',
  'paymentTerms',
  'backorderable',
]);

/** A good value for a schema; `full` also fills the optional fields that have one. */
export function goodValue(
  schema: Schema,
  w: FuzzWorld,
  n: number,
  field = '',
  dto?: string,
  full = false,
): Json | undefined {
  if (schema.properties) {
    const body: JsonObject = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      const required = schema.required?.includes(key) ?? false;
      if (!required && !full && LEFT_OUT.has(key)) continue;
      const value = goodValue(property, w, n, key, schema.name ?? dto, false);
      if (value !== undefined && (required || !property.properties)) body[key] = value;
    }
    return body;
  }
  if (schema.type === 'array' && schema.items) {
    const lists: Record<string, Json> = { events: ['order.created'], accountIds: [w.mine.id] };
    const item = goodValue(schema.items, w, n, field, dto);
    return lists[field] ?? (item === undefined ? [] : [item]);
  }
  return referenceValue(w, field) ?? plainValue(field, schema, dto, n, w);
}

/** The whole good body of a route (a CSV text for the cart import). */
export function goodBody(route: RouteSpec, w: FuzzWorld, n: number): Json | undefined {
  if (!route.body) return undefined;
  if (route.body.contentType === 'text/csv') return `sku,quantity\n${w.product.sku},2\n`;
  if (route.template === '/api/calendar/holidays') return ['2031-12-25'];
  return goodValue(route.body.schema, w, n);
}

/** Good query values by parameter name. */
export function goodQueryValue(name: string, w: FuzzWorld): string {
  const values: Record<string, string> = {
    page: '1',
    pageSize: '10',
    search: 'fuzz',
    status: 'confirmed',
    accountId: w.mine.id,
    accountManagerId: w.am.id,
    productId: w.product.id,
    warehouseCode: w.warehouseCode,
    orderId: w.ids.order,
    entity: 'account',
    entityId: w.mine.id,
    role: 'buyer',
    channel: 'portal',
    from: '2026-01-01',
    to: '2026-12-31',
    category: 'Fuzz',
    groupBy: 'month',
    format: 'json',
    lowStock: '5',
    includeInactive: 'true',
    availability: 'true',
    unread: 'true',
    days: '30',
    validFrom: '2031-01-01',
    year: '2027',
    country: 'US',
  };
  return values[name] ?? 'x';
}

/** The real id each path parameter of a route points at (the route's own object when it destroys it). */
export function pathValue(route: RouteSpec, param: string, w: FuzzWorld): string {
  const key = `${route.method} ${route.template}`;
  const own: Record<string, string> = {
    'PATCH /api/accounts/{id}': w.patchAccount.id,
    'PATCH /api/products/{id}': w.patchProduct.id,
    'DELETE /api/templates/{id}': w.ids.doomedTemplate,
    'DELETE /api/webhooks/{id}': w.ids.doomedWebhook,
    'POST /api/inbound/{id}/receive': w.ids.receiveInbound,
    'POST /api/orders/{id}/cancel': w.ids.cancelOrder,
    'POST /api/orders/{id}/approve': w.ids.approveOrder,
    'POST /api/orders/{id}/reject': w.ids.rejectOrder,
    'POST /api/orders/{id}/release-hold': w.ids.holdOrder,
    'POST /api/orders/{id}/mark-paid': w.ids.paidOrder,
    'POST /api/orders/{id}/pick': w.ids.pickOrder,
    'POST /api/orders/{id}/pack': w.ids.packOrder,
    'POST /api/orders/{id}/shipments': w.ids.shipOrder,
    'POST /api/orders/{id}/rating': w.ids.rateOrder,
    'POST /api/webhooks/deliveries/{id}/redeliver': w.ids.delivery,
    'POST /api/notifications/{id}/read': w.ids.notification,
    'POST /api/quotes/{id}/quote': w.ids.requestedQuote,
    'POST /api/quotes/{id}/withdraw': w.ids.withdrawQuote,
    'PUT /api/stock/{productId}/{warehouseCode}': param === 'productId' ? w.stockProduct.id : w.warehouseCode,
  };
  if (own[key] && (param === 'id' || key.startsWith('PUT /api/stock'))) return own[key];
  const byName: Record<string, string> = {
    accountId: w.mine.id,
    productId: w.product.id,
    userId: w.targetBuyer.id,
    warehouseCode: w.warehouseCode,
    orderId: w.ids.order,
    code: w.patchWarehouse.code,
  };
  if (byName[param]) return byName[param];
  // A document (/api/documents/orders/{id}.pdf) names its object as the object's own routes do.
  const parts = route.template.split('/');
  const resource = (parts[2] === 'documents' ? parts[3] : parts[2]) ?? '';
  const byResource: Record<string, string> = {
    users: w.targetStaff.id,
    accounts: w.mine.id,
    'price-tiers': w.ids.tier,
    inbound: w.ids.inbound,
    products: w.product.id,
    orders: w.ids.order,
    shipments: w.ids.shipment,
    'packing-slips': w.ids.shipment,
    templates: w.ids.template,
    'standing-orders': w.ids.standingOrder,
    channels: w.ids.doomedChannel,
    webhooks: w.ids.webhook,
    quotes: w.ids.quote,
  };
  return byResource[resource] ?? NO_ID;
}
