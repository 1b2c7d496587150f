import { parseMoney, type ContractPrice, type VolumeBreak } from '@tradecounter/domain';
import type { Client, PoolClient } from 'pg';
import type {
  AccountPricing,
  AddressSnapshot,
  HistoryWorld,
  WorldAccount,
  WorldWarehouse,
} from './history-world';

export interface WorldScope {
  /** Only these accounts order (default: every account). */
  accountIds?: string[];
  /** Only these products are ordered (default: every active product). */
  productIds?: string[];
  currency: string;
  now: number;
}

type Db = Client | PoolClient;

/** Reads accounts (with addresses, users and prices), products, warehouses, holidays and integrations, in a stable order. */
export async function readHistoryWorld(db: Db, scope: WorldScope): Promise<HistoryWorld> {
  const accountIds = scope.accountIds ?? null;
  const productIds = scope.productIds ?? null;
  const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

  const accounts = await rows<{
    id: string;
    code: string;
    status: string;
    account_manager_id: string | null;
    default_warehouse_code: string | null;
    credit_limit: string;
    payment_terms: string;
    requires_po: boolean;
    price_tier_id: string | null;
  }>(
    `SELECT id, code, status, account_manager_id, default_warehouse_code, credit_limit::text, payment_terms,
            requires_po, price_tier_id
       FROM accounts WHERE $1::uuid[] IS NULL OR id = ANY($1) ORDER BY code`,
    [accountIds],
  );
  const addresses = await rows<AddressSnapshot & { account_id: string }>(
    `SELECT id, account_id, label, line1, line2, city, region, postcode, country FROM addresses
      WHERE $1::uuid[] IS NULL OR account_id = ANY($1) ORDER BY account_id, created_at, id`,
    [accountIds],
  );
  const users = await rows<{ id: string; role: string; account_id: string | null }>(
    `SELECT id, role, account_id FROM users WHERE active ORDER BY email`,
  );
  const tiers = await rows<{ id: string; discount_percent: string }>(
    `SELECT id, discount_percent::text FROM price_tiers`,
  );
  const fixed = await rows<{ tier_id: string; product_id: string; unit_price: string }>(
    `SELECT tier_id, product_id, unit_price::text FROM tier_fixed_prices`,
  );
  const breaks = await rows<{
    tier_id: string;
    product_id: string | null;
    min_qty: number;
    discount_percent: string;
  }>(
    `SELECT tier_id, product_id, min_qty, discount_percent::text FROM tier_breaks ORDER BY tier_id, min_qty, product_id`,
  );
  const contracts = await rows<{
    account_id: string;
    product_id: string;
    unit_price: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    `SELECT account_id, product_id, unit_price::text, valid_from::text, valid_to::text FROM contract_prices
      WHERE $1::uuid[] IS NULL OR account_id = ANY($1) ORDER BY account_id, product_id, valid_from`,
    [accountIds],
  );
  const products = await rows<{
    id: string;
    sku: string;
    name: string;
    list_price: string;
    min_order_qty: number;
    order_multiple: number;
    lead_time_days: number;
  }>(
    `SELECT id, sku, name, list_price::text, min_order_qty, order_multiple, lead_time_days FROM products
      WHERE active AND ($1::uuid[] IS NULL OR id = ANY($1)) ORDER BY sku`,
    [productIds],
  );
  const warehouses = await rows<{
    code: string;
    is_default: boolean;
    handling_days: number;
    transit_days: number;
    cutoff_time: string;
    time_zone: string;
  }>(
    `SELECT code, is_default, handling_days, transit_days, cutoff_time, time_zone FROM warehouses ORDER BY code`,
  );
  const holidays = await rows<{ date: string }>(`SELECT date::text AS date FROM holidays ORDER BY date`);
  const channels = await rows<{ name: string }>(
    `SELECT name FROM channels WHERE revoked_at IS NULL ORDER BY name`,
  );

  const tierBreaks = groupBy(breaks, (b) => b.tier_id);
  const tierFixed = groupBy(fixed, (f) => f.tier_id);
  const pricingOf = (account: (typeof accounts)[number]): AccountPricing => {
    const tier = tiers.find((t) => t.id === account.price_tier_id);
    const own = contracts.filter((c) => c.account_id === account.id);
    const byProduct = new Map<string, ContractPrice[]>();
    for (const c of own) {
      const list = byProduct.get(c.product_id) ?? [];
      list.push({ unitPrice: parseMoney(c.unit_price), validFrom: c.valid_from, validTo: c.valid_to });
      byProduct.set(c.product_id, list);
    }
    return {
      tier: tier
        ? {
            discountPercent: tier.discount_percent,
            fixed: new Map(
              (tierFixed.get(tier.id) ?? []).map((f) => [f.product_id, parseMoney(f.unit_price)]),
            ),
            breaks: (tierBreaks.get(tier.id) ?? []).map((b): VolumeBreak => ({
              productId: b.product_id,
              minQty: b.min_qty,
              discountPercent: b.discount_percent,
            })),
          }
        : null,
      contracts: byProduct,
    };
  };

  return {
    accounts: accounts.map((account): WorldAccount => ({
      id: account.id,
      code: account.code,
      status: account.status,
      managerId: account.account_manager_id,
      warehouseCode: account.default_warehouse_code,
      creditLimitCents: Number(parseMoney(account.credit_limit)),
      paymentTerms: account.payment_terms,
      requiresPo: account.requires_po,
      addresses: addresses
        .filter((a) => a.account_id === account.id)
        .map(({ account_id: _a, ...address }) => address),
      buyers: users.filter((u) => u.account_id === account.id && u.role === 'buyer').map((u) => u.id),
      approvers: users.filter((u) => u.account_id === account.id && u.role === 'approver').map((u) => u.id),
      pricing: pricingOf(account),
    })),
    products: products.map((p) => ({
      id: p.id,
      sku: p.sku,
      name: p.name,
      listPriceCents: parseMoney(p.list_price),
      minOrderQty: p.min_order_qty,
      orderMultiple: p.order_multiple,
      leadTimeDays: p.lead_time_days,
    })),
    warehouses: warehouses.map((w): WorldWarehouse => ({
      code: w.code,
      isDefault: w.is_default,
      handlingDays: w.handling_days,
      transitDays: w.transit_days,
      cutoffMinutes: minutesOf(w.cutoff_time),
      utcOffsetMinutes: utcOffsetMinutes(w.time_zone, scope.now),
      timeZone: w.time_zone,
    })),
    holidays: new Set(holidays.map((h) => h.date)),
    warehouseStaff: users.filter((u) => u.role === 'warehouse').map((u) => u.id),
    integrations: channels.map((c) => c.name),
    currency: scope.currency,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Local time minus UTC in minutes for a time zone at an instant (UTC if the zone is unknown). */
export function utcOffsetMinutes(timeZone: string, at: number): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(at);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
    return Math.round((local - Math.floor(at / 60_000) * 60_000) / 60_000);
  } catch {
    return 0;
  }
}
