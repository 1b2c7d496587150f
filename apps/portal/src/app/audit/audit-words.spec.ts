import type { AuditEntry } from '@tradecounter/contracts';
import { entityLabel, entrySubject, entryVerb } from './audit-words';

function entry(changes: Partial<AuditEntry>): AuditEntry {
  return {
    id: 'e1',
    at: '2026-12-07T10:00:00.000Z',
    actorId: 'u1',
    actorName: 'Ada Admin',
    entity: 'product',
    entityId: '7f1c',
    action: 'update',
    before: null,
    after: null,
    ...changes,
  };
}

describe('an audit entry in words', () => {
  it('names the record by its SKU, code or name, from after or before', () => {
    expect(entrySubject(entry({ action: 'create', after: { sku: 'GLV-NIT-M', name: 'Gloves' } }))).toBe(
      'product GLV-NIT-M',
    );
    expect(
      entrySubject(
        entry({ entity: 'price_tier', before: { name: 'Gold' }, after: { discountPercent: '5' } }),
      ),
    ).toBe('price tier Gold');
  });

  it('falls back on the id when nothing names it', () => {
    expect(entrySubject(entry({ entity: 'stock', after: { onHand: 4 } }))).toBe('stock 7f1c');
  });

  it('says what was done', () => {
    expect(entryVerb(entry({ action: 'create' }))).toBe('created');
    expect(entryVerb(entry({ action: 'update' }))).toBe('changed');
    expect(entityLabel('contract_price')).toBe('Contract price');
  });
});
