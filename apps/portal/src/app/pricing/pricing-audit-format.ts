import type { AuditEntry } from '@tradecounter/contracts';
import { type AuditChange, auditChanges } from '../accounts/audit-format';
import { formatMoneyDisplay } from '../shared/money-format';
import { formatPercent } from './price-labels';

interface AuditBreak {
  productId: string | null;
  minQty: number;
  discountPercent: string;
}

interface AuditFixedPrice {
  productId: string;
  unitPrice: string;
}

/** Names for the ids an entry carries: product id → SKU, tier id → tier name. */
export type AuditNames = ReadonlyMap<string, string>;

function isBreak(value: unknown): value is AuditBreak {
  return typeof value === 'object' && value !== null && 'minQty' in value && 'discountPercent' in value;
}

function breaksOf(value: unknown): AuditBreak[] {
  return Array.isArray(value) ? value.filter(isBreak) : [];
}

function scopeText(productId: string | null, names: AuditNames): string {
  return productId ? `for ${names.get(productId) ?? 'another product'}` : 'on all products';
}

function breakKey(b: AuditBreak): string {
  return `${b.productId ?? '*'}|${b.minQty}`;
}

/** "added 50+ at 8 % on all products", "removed 20+ at 12.5 % for GLV-NIT-L", "50+ on all products: 8 % → 8.5 %". */
export function describeBreakChanges(
  before: unknown,
  after: unknown,
  names: AuditNames = new Map(),
): string[] {
  const old = new Map(breaksOf(before).map((b) => [breakKey(b), b]));
  const now = new Map(breaksOf(after).map((b) => [breakKey(b), b]));
  const lines: string[] = [];
  const order = (a: AuditBreak, b: AuditBreak) =>
    Number(a.productId !== null) - Number(b.productId !== null) || a.minQty - b.minQty;
  for (const b of [...now.values()].sort(order)) {
    const previous = old.get(breakKey(b));
    const scope = scopeText(b.productId, names);
    if (!previous) lines.push(`added ${b.minQty}+ at ${formatPercent(b.discountPercent)} % ${scope}`);
    else if (formatPercent(previous.discountPercent) !== formatPercent(b.discountPercent))
      lines.push(
        `changed ${b.minQty}+ ${scope}: ${formatPercent(previous.discountPercent)} % → ${formatPercent(b.discountPercent)} %`,
      );
  }
  for (const b of [...old.values()].sort(order)) {
    if (!now.has(breakKey(b)))
      lines.push(
        `removed ${b.minQty}+ at ${formatPercent(b.discountPercent)} % ${scopeText(b.productId, names)}`,
      );
  }
  return lines;
}

function fixedPriceOf(value: unknown): AuditFixedPrice | null {
  return typeof value === 'object' && value !== null && 'productId' in value && 'unitPrice' in value
    ? (value as AuditFixedPrice)
    : null;
}

/** The lines one pricing entry shows: breaks and fixed prices in words, other fields as before → after. */
export function pricingChanges(entry: AuditEntry, names: AuditNames = new Map()): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const changes: AuditChange[] = [];
  if ('breaks' in before || 'breaks' in after) {
    const lines = describeBreakChanges(before['breaks'], after['breaks'], names);
    for (const line of lines.length ? lines : ['no effective change'])
      changes.push({ field: 'Volume breaks', before: null, after: line });
  }
  if ('fixedPrice' in before || 'fixedPrice' in after) {
    const old = fixedPriceOf(before['fixedPrice']);
    const now = fixedPriceOf(after['fixedPrice']);
    const productId = now?.productId ?? old?.productId ?? null;
    changes.push({
      field: `Fixed price ${productId ? (names.get(productId) ?? '') : ''}`.trim(),
      before: old ? formatMoneyDisplay(old.unitPrice) : entry.action === 'create' || !now ? null : 'none',
      after: now ? formatMoneyDisplay(now.unitPrice) : 'removed',
    });
  }
  const rest: AuditEntry = {
    ...entry,
    before: withoutKeys(entry.before),
    after: withoutKeys(entry.after),
  };
  const others = auditChanges(rest, names).map((change) =>
    change.field === 'Discount percent'
      ? {
          field: 'Default discount',
          before:
            change.before === null || change.before === '—'
              ? change.before
              : `${formatPercent(change.before)} %`,
          after: change.after === '—' ? change.after : `${formatPercent(change.after)} %`,
        }
      : change,
  );
  return [...changes, ...others];
}

function withoutKeys(value: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!value) return value;
  const { breaks: _breaks, fixedPrice: _fixedPrice, ...rest } = value;
  return rest;
}

/** "changed the tier", "added a contract price for CHM-DIS-1GAL-4", … */
export function entrySummary(entry: AuditEntry, names: AuditNames = new Map()): string {
  const verb = entry.action === 'create' ? 'added' : entry.action === 'delete' ? 'removed' : 'changed';
  switch (entry.entity) {
    case 'price_tier':
      return entry.action === 'create' ? 'created the tier' : `${verb} the tier`;
    case 'contract_price': {
      const sku = names.get(entry.entityId);
      const what = entry.action === 'create' ? 'a contract price' : 'the contract price';
      return sku ? `${verb} ${what} for ${sku}` : `${verb} ${what}`;
    }
    case 'account':
      return entry.action === 'create' ? 'created the account' : `${verb} the account`;
    default:
      return `${verb} ${entry.entity.replace(/_/g, ' ')}`;
  }
}
