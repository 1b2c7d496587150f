import type {
  AuditedBreak,
  AuditedFixedPrice,
  AuditEntry,
  ContractPriceAuditState,
} from '@tradecounter/contracts';
import { type AuditChange, auditChanges } from '../accounts/audit-format';
import { formatMoneyDisplay } from '../shared/money-format';
import { formatIsoDate, formatPercent } from './price-labels';

/** Names for the ids an entry carries: product id → SKU, tier id → tier name. */
export type AuditNames = ReadonlyMap<string, string>;

function isBreak(value: unknown): value is AuditedBreak {
  return typeof value === 'object' && value !== null && 'minQty' in value && 'discountPercent' in value;
}

function breaksOf(value: unknown): AuditedBreak[] {
  return Array.isArray(value) ? value.filter(isBreak) : [];
}

/** The SKU an entry recorded, else the one the page knows for the id. */
function skuOf(productId: string | null, recorded: string | null | undefined, names: AuditNames) {
  return recorded ?? (productId ? names.get(productId) : undefined);
}

function scopeText(b: AuditedBreak, names: AuditNames): string {
  return b.productId ? `for ${skuOf(b.productId, b.sku, names) ?? 'another product'}` : 'on all products';
}

function breakKey(b: AuditedBreak): string {
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
  const order = (a: AuditedBreak, b: AuditedBreak) =>
    Number(a.productId !== null) - Number(b.productId !== null) || a.minQty - b.minQty;
  for (const b of [...now.values()].sort(order)) {
    const previous = old.get(breakKey(b));
    const scope = scopeText(b, names);
    if (!previous) lines.push(`added ${b.minQty}+ at ${formatPercent(b.discountPercent)} % ${scope}`);
    else if (formatPercent(previous.discountPercent) !== formatPercent(b.discountPercent))
      lines.push(
        `changed ${b.minQty}+ ${scope}: ${formatPercent(previous.discountPercent)} % → ${formatPercent(b.discountPercent)} %`,
      );
  }
  for (const b of [...old.values()].sort(order)) {
    if (!now.has(breakKey(b)))
      lines.push(`removed ${b.minQty}+ at ${formatPercent(b.discountPercent)} % ${scopeText(b, names)}`);
  }
  return lines;
}

/** A fixed price the entry holds; a null unit price means there was none (or it was removed). */
function fixedPriceOf(value: unknown): AuditedFixedPrice | null {
  return typeof value === 'object' && value !== null && 'productId' in value && 'unitPrice' in value
    ? (value as AuditedFixedPrice)
    : null;
}

function fixedPriceChange(entry: AuditEntry, names: AuditNames): AuditChange {
  const old = fixedPriceOf(entry.before?.['fixedPrice']);
  const now = fixedPriceOf(entry.after?.['fixedPrice']);
  const either = now ?? old;
  const sku = either ? skuOf(either.productId, either.sku, names) : undefined;
  return {
    field: sku ? `Fixed price for ${sku}` : 'Fixed price',
    // A new fixed price shows just its value: the summary says it was set.
    before: old?.unitPrice ? formatMoneyDisplay(old.unitPrice) : null,
    after: now?.unitPrice ? formatMoneyDisplay(now.unitPrice) : 'removed',
  };
}

function contractPriceOf(value: Record<string, unknown> | null): Partial<ContractPriceAuditState> {
  return value ?? {};
}

/** "1 Jan 2027 – 31 Mar 2027", "1 Jan 2027 – open-ended". */
export function windowText(price: Partial<ContractPriceAuditState>): string | null {
  if (!price.validFrom) return null;
  return `${formatIsoDate(price.validFrom)} – ${price.validTo ? formatIsoDate(price.validTo) : 'open-ended'}`;
}

/** A contract price entry: its unit price, and the window it concerns (before → after when that moved). */
function contractPriceChanges(entry: AuditEntry): AuditChange[] {
  const before = contractPriceOf(entry.before);
  const after = contractPriceOf(entry.after);
  const changes: AuditChange[] = [];
  if (entry.action === 'create') {
    changes.push({ field: 'Unit price', before: null, after: formatMoneyDisplay(after.unitPrice) });
  } else if (entry.action === 'delete') {
    changes.push({ field: 'Unit price', before: formatMoneyDisplay(before.unitPrice), after: 'removed' });
  } else if ('unitPrice' in after) {
    changes.push({
      field: 'Unit price',
      before: formatMoneyDisplay(before.unitPrice),
      after: formatMoneyDisplay(after.unitPrice),
    });
  }
  const oldWindow = windowText(before);
  const newWindow = windowText(after);
  if (newWindow && oldWindow && newWindow !== oldWindow)
    changes.push({ field: 'Valid', before: oldWindow, after: newWindow });
  else if (newWindow ?? oldWindow)
    changes.push({ field: 'Valid', before: null, after: (newWindow ?? oldWindow) as string });
  return changes;
}

/** The lines one pricing entry shows: breaks, fixed and contract prices in words, other fields as before → after. */
export function pricingChanges(entry: AuditEntry, names: AuditNames = new Map()): AuditChange[] {
  if (entry.entity === 'contract_price') return contractPriceChanges(entry);
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const changes: AuditChange[] = [];
  if ('breaks' in before || 'breaks' in after) {
    const lines = describeBreakChanges(before['breaks'], after['breaks'], names);
    for (const line of lines.length ? lines : ['no effective change'])
      changes.push({ field: 'Volume breaks', before: null, after: line });
  }
  if ('fixedPrice' in before || 'fixedPrice' in after) changes.push(fixedPriceChange(entry, names));
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

/** What a change to a tier was about: "changed the volume breaks", "removed a fixed price", … */
function tierSummary(entry: AuditEntry): string {
  if (entry.action === 'create') return 'created the tier';
  const after = entry.after ?? {};
  if ('breaks' in after) return 'changed the volume breaks';
  if ('fixedPrice' in after) {
    const old = fixedPriceOf(entry.before?.['fixedPrice']);
    const now = fixedPriceOf(after['fixedPrice']);
    if (!now?.unitPrice) return 'removed a fixed price';
    return old?.unitPrice ? 'changed a fixed price' : 'set a fixed price';
  }
  return 'changed the tier settings';
}

/** "changed the volume breaks", "added a contract price for CHM-DIS-1GAL-4", … */
export function entrySummary(entry: AuditEntry, names: AuditNames = new Map()): string {
  const verb = entry.action === 'create' ? 'added' : entry.action === 'delete' ? 'removed' : 'changed';
  switch (entry.entity) {
    case 'price_tier':
      return tierSummary(entry);
    case 'contract_price': {
      const price = contractPriceOf(entry.after ?? entry.before);
      const sku = skuOf(entry.entityId, price.sku, names);
      const what = entry.action === 'create' ? 'a contract price' : 'the contract price';
      return sku ? `${verb} ${what} for ${sku}` : `${verb} ${what}`;
    }
    case 'account':
      if (entry.action === 'create') return 'created the account';
      return 'priceTierId' in (entry.after ?? {}) ? 'changed the price tier' : `${verb} the account`;
    default:
      return `${verb} ${entry.entity.replace(/_/g, ' ')}`;
  }
}
