import type { AuditEntry } from '@tradecounter/contracts';
import { auditChanges } from './audit-format';

const base: AuditEntry = {
  id: '1',
  at: '2026-11-27T10:00:00Z',
  actorId: 'u1',
  actorName: 'Alex Account-Manager',
  entity: 'account',
  entityId: 'a1',
  action: 'update',
  before: null,
  after: null,
};

describe('auditChanges', () => {
  it('lists only the fields that changed, formatted for people', () => {
    const entry = {
      ...base,
      before: { creditLimit: '50000.00', paymentTerms: 'net_30', requiresPo: true, name: 'Acme' },
      after: { creditLimit: '61250.5', paymentTerms: 'net_45', requiresPo: false, name: 'Acme' },
    };
    expect(auditChanges(entry)).toEqual([
      { field: 'Credit limit', before: '$50,000.00', after: '$61,250.50' },
      { field: 'Payment terms', before: 'Net 30', after: 'Net 45' },
      { field: 'PO required', before: 'Yes', after: 'No' },
    ]);
  });

  it('names the account manager instead of showing an id', () => {
    const entry = { ...base, before: { accountManagerId: null }, after: { accountManagerId: 'm2' } };
    expect(auditChanges(entry, new Map([['m2', 'Sam Sales']]))).toEqual([
      { field: 'Account manager', before: '—', after: 'Sam Sales' },
    ]);
  });

  it('shows a created record by its initial values, without bookkeeping fields', () => {
    const entry: AuditEntry = {
      ...base,
      action: 'create',
      after: { id: 'a1', code: 'NEW', creditLimit: '0.00', createdAt: 'x' },
    };
    expect(auditChanges(entry)).toEqual([
      { field: 'Code', before: null, after: 'NEW' },
      { field: 'Credit limit', before: null, after: '$0.00' },
    ]);
  });

  it('shows an imported product by its SKU, an empty set as nothing', () => {
    const entry: AuditEntry = {
      ...base,
      entity: 'product',
      action: 'create',
      after: { sku: 'IMP-A', caseBarcodes: [], listPrice: '8.75' },
    };
    expect(auditChanges(entry)).toEqual([
      { field: 'SKU', before: null, after: 'IMP-A' },
      { field: 'Case barcodes', before: null, after: '—' },
      { field: 'List price', before: null, after: '$8.75' },
    ]);
  });
});
