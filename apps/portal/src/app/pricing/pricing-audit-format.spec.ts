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
      { field: 'Fixed price GLV-NIT-L', before: '$52.00', after: '$50.00' },
      { field: 'Default discount', before: '10 %', after: '12.5 %' },
    ]);
  });

  it('names the tier an account was moved to', () => {
    const changes = pricingChanges(
      entry({ entity: 'account', before: { priceTierId: null }, after: { priceTierId: 't1' } }),
      names,
    );
    expect(changes).toEqual([{ field: 'Price tier', before: '—', after: 'Gold' }]);
  });
});

describe('entrySummary', () => {
  it('names the product of a contract price', () => {
    expect(entrySummary(entry({ entity: 'contract_price', entityId: 'p1', action: 'create' }), names)).toBe(
      'added a contract price for GLV-NIT-L',
    );
  });
});
