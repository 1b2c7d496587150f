import type { AuditEntry } from '@tradecounter/contracts';
import { formatMoneyDisplay } from '../shared/money-format';
import { humanize } from '../shared/labels';

export interface AuditChange {
  field: string;
  /** null for a created record: only its initial value is shown. */
  before: string | null;
  after: string;
}

const FIELD_LABELS: Record<string, string> = {
  creditLimit: 'Credit limit',
  paymentTerms: 'Payment terms',
  requiresPo: 'PO required',
  accountManagerId: 'Account manager',
  priceTierId: 'Price tier',
  defaultWarehouseCode: 'Default warehouse',
  status: 'Status',
  name: 'Name',
  code: 'Code',
  sku: 'SKU',
};
const MONEY_FIELDS = new Set(['creditLimit', 'creditExposure', 'orderLimit', 'listPrice', 'unitPrice']);
const HIDDEN_ON_CREATE = new Set(['id', 'createdAt', 'updatedAt', 'version', 'creditExposure']);
const ENUM_FIELDS = new Set(['status', 'paymentTerms', 'role']);

function label(field: string): string {
  return FIELD_LABELS[field] ?? humanize(field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

export function formatAuditValue(
  field: string,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (MONEY_FIELDS.has(field)) return formatMoneyDisplay(value);
    if (ENUM_FIELDS.has(field)) return humanize(value);
    return names.get(value) ?? value;
  }
  if (typeof value === 'number') return String(value);
  // An empty set (an imported product's case barcodes) reads as nothing, not "[]".
  if (Array.isArray(value) && value.length === 0) return '—';
  return JSON.stringify(value);
}

/** "field: before → after" for each field an entry changed. */
export function auditChanges(
  entry: AuditEntry,
  names: ReadonlyMap<string, string> = new Map(),
): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
  return fields
    .filter((field) => entry.action !== 'create' || !HIDDEN_ON_CREATE.has(field))
    .map((field) => ({
      field: label(field),
      before: entry.action === 'create' ? null : formatAuditValue(field, before[field], names),
      after: formatAuditValue(field, after[field], names),
    }));
}
