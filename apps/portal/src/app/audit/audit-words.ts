import type { AuditEntry, AuditedEntity } from '@tradecounter/contracts';
import { humanize } from '../shared/labels';

/** The record kinds the trail can be narrowed to, in the order the filter lists them. */
export const AUDIT_ENTITY_OPTIONS: readonly AuditedEntity[] = [
  'product',
  'stock',
  'account',
  'address',
  'user',
  'price_tier',
  'contract_price',
  'supplier',
  'product_supply',
  'purchase_order',
  'warehouse',
  'order',
  'inbound',
  'holiday_calendar',
  'channel',
  'carrier_tracking',
  'purchasing_settings',
  'company_settings',
];

export function entityLabel(entity: string): string {
  return humanize(entity.replace(/_/g, ' '));
}

/** The fields that name a record to a person, best first. */
const NAME_FIELDS = ['sku', 'code', 'number', 'email', 'name'];

/**
 * What an entry is about, in words: "product GLV-NIT-M". The record's own
 * name from its before or after, else its id.
 */
export function entrySubject(entry: AuditEntry): string {
  const states = [entry.after ?? {}, entry.before ?? {}];
  for (const field of NAME_FIELDS) {
    for (const state of states) {
      const value = state[field];
      if (typeof value === 'string' && value) return `${entityLabel(entry.entity).toLowerCase()} ${value}`;
    }
  }
  return `${entityLabel(entry.entity).toLowerCase()} ${entry.entityId}`;
}

const VERBS: Record<AuditEntry['action'], string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
};

export function entryVerb(entry: AuditEntry): string {
  return VERBS[entry.action];
}
