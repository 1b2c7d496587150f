import type { AuditEntry } from '@tradecounter/contracts';
import { describeBreakChanges, entrySummary, pricingChanges } from './pricing-audit-format';

const names = new Map([
  ['p1', 'GLV-NIT-L'],
  ['t1', 'Gold'],
]);

function entry(partial: Partial<AuditEntry>): AuditEntry {
  return {
    id: '1',
    at: '2027-01-01T00:00:00Z',
    actorId: null,
    actorName: 'Alex',
    entity: 'price_tier',
    entityId: 't1',
    action: 'update',
    before: null,
    after: null,
    ...partial,
  };
}

describe('describeBreakChanges', () => {
  it('words added, changed and removed breaks', () => {
    const before = [
      { productId: null, minQty: 10, discountPercent: '5' },
      { productId: null, minQty: 50, discountPercent: '8' },
      { productId: 'p1', minQty: 20, discountPercent: '12.5' },
    ];
    const after = [
      { productId: null, minQty: 10, discountPercent: '5.00' },
      { productId: null, minQty: 50, discountPercent: '8.5' },
      { productId: 'p1', minQty: 1, discountPercent: '30' },
    ];
    expect(describeBreakChanges(before, after, names)).toEqual([
      'changed 50+ on all products: 8 % → 8.5 %',
      'added 1+ at 30 % for GLV-NIT-L',
      'removed 20+ at 12.5 % for GLV-NIT-L',
    ]);
  });
});

describe('pricingChanges', () => {
  it('shows a fixed price and the default discount readably', () => {
    const changes = pricingChanges(
      entry({
        before: { discountPercent: '10', fixedPrice: { productId: 'p1', unitPrice: '52.00' } },
        after: { discountPercent: '12.50', fixedPrice: { productId: 'p1', unitPrice: '50' } },
      }),
      names,
    );
    expect(changes).toEqual([
      { field: 'Fixed price for GLV-NIT-L', before: '$52.00', after: '$50.00' },
      { field: 'Default discount', before: '10 %', after: '12.5 %' },
    ]);
  });

  it('words a fixed price set and removed, by the SKU the entry recorded', () => {
    const unknown = new Map<string, string>();
    const set = entry({
      before: { fixedPrice: { productId: 'p9', sku: 'OLD-SKU', unitPrice: null } },
      after: { fixedPrice: { productId: 'p9', sku: 'OLD-SKU', unitPrice: '15.00' } },
    });
    const removed = entry({ before: set.after, after: set.before });
    expect(pricingChanges(set, unknown)).toEqual([
      { field: 'Fixed price for OLD-SKU', before: null, after: '$15.00' },
    ]);
    expect(pricingChanges(removed, unknown)).toEqual([
      { field: 'Fixed price for OLD-SKU', before: '$15.00', after: 'removed' },
    ]);
    expect(entrySummary(set)).toBe('set a fixed price');
    expect(entrySummary(removed)).toBe('removed a fixed price');
  });

  it('names the product of a break by the SKU the entry recorded', () => {
    const changes = pricingChanges(
      entry({
        before: { breaks: [] },
        after: { breaks: [{ productId: 'p9', sku: 'OLD-SKU', minQty: 5, discountPercent: '20' }] },
      }),
    );
    expect(changes).toEqual([
      { field: 'Volume breaks', before: null, after: 'added 5+ at 20 % for OLD-SKU' },
    ]);
  });

  it("shows a contract price's window with its price, and how the window moved", () => {
    const window = { productId: 'p1', sku: 'GLV-NIT-L', validFrom: '2027-01-01' };
    const priced = entry({
      entity: 'contract_price',
      entityId: 'p1',
      before: { ...window, unitPrice: '9.50', validTo: '2027-03-31' },
      after: { ...window, unitPrice: '9.00', validTo: '2027-03-31' },
    });
    expect(pricingChanges(priced)).toEqual([
      { field: 'Unit price', before: '$9.50', after: '$9.00' },
      { field: 'Valid', before: null, after: '1 Jan 2027 – 31 Mar 2027' },
    ]);
    const extended = entry({
      entity: 'contract_price',
      entityId: 'p1',
      before: { ...window, validTo: '2027-03-31' },
      after: { ...window, validTo: null },
    });
    expect(pricingChanges(extended)).toEqual([
      { field: 'Valid', before: '1 Jan 2027 – 31 Mar 2027', after: '1 Jan 2027 – open-ended' },
    ]);
    const removed = entry({
      entity: 'contract_price',
      entityId: 'p1',
      action: 'delete',
      before: { ...window, unitPrice: '9.00', validTo: null },
    });
    expect(pricingChanges(removed)).toEqual([
      { field: 'Unit price', before: '$9.00', after: 'removed' },
      { field: 'Valid', before: null, after: '1 Jan 2027 – open-ended' },
    ]);
    expect(entrySummary(removed)).toBe('removed the contract price for GLV-NIT-L');
  });

  it('names the tier an account was moved to', () => {
    const changes = pricingChanges(
      entry({ entity: 'account', before: { priceTierId: null }, after: { priceTierId: 't1' } }),
      names,
    );
    expect(changes).toEqual([{ field: 'Price tier', before: '—', after: 'Gold' }]);
    expect(entrySummary(entry({ entity: 'account', after: { priceTierId: 't1' } }))).toBe(
      'changed the price tier',
    );
  });
});

describe('entrySummary', () => {
  it('says which part of a tier changed', () => {
    expect(entrySummary(entry({ action: 'create', after: { name: 'Gold' } }))).toBe('created the tier');
    expect(entrySummary(entry({ before: { breaks: [] }, after: { breaks: [] } }))).toBe(
      'changed the volume breaks',
    );
    expect(entrySummary(entry({ before: { name: 'A' }, after: { name: 'B' } }))).toBe(
      'changed the tier settings',
    );
  });

  it('names the product of a contract price', () => {
    expect(entrySummary(entry({ entity: 'contract_price', entityId: 'p1', action: 'create' }), names)).toBe(
      'added a contract price for GLV-NIT-L',
    );
  });
});
