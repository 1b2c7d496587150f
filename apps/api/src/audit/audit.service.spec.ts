import { changedFields, entryOf } from './audit.service';

describe('changedFields', () => {
  it('keeps only what changed, on both sides', () => {
    expect(
      changedFields({ creditLimit: '100.00', name: 'Acme' }, { creditLimit: '250.00', name: 'Acme' }),
    ).toEqual({
      before: { creditLimit: '100.00' },
      after: { creditLimit: '250.00' },
    });
  });

  it('treats missing and null alike and sees fields that appear', () => {
    expect(changedFields({ a: null }, { a: undefined, b: 1 })).toEqual({
      before: { b: null },
      after: { b: 1 },
    });
  });
});

describe('entryOf', () => {
  const change = {
    actorId: null,
    entity: 'contract_price',
    entityId: 'p1',
    accountId: null,
    action: 'update' as const,
    before: { productId: 'p1', unitPrice: '9.50', validFrom: '2027-01-01', validTo: null },
    after: { productId: 'p1', unitPrice: '9.00', validFrom: '2027-01-01', validTo: null },
  };

  it('keeps the fields that say which record changed, on both sides', () => {
    expect(entryOf({ ...change, keep: ['productId', 'validFrom', 'validTo'] })).toMatchObject({
      before: { productId: 'p1', unitPrice: '9.50', validFrom: '2027-01-01', validTo: null },
      after: { productId: 'p1', unitPrice: '9.00', validFrom: '2027-01-01', validTo: null },
    });
    expect(entryOf(change)).toMatchObject({ before: { unitPrice: '9.50' }, after: { unitPrice: '9.00' } });
  });

  it('makes no entry for an update that changed nothing, kept fields or not', () => {
    expect(entryOf({ ...change, after: change.before, keep: ['productId'] })).toBeNull();
  });

  it('keeps creations and deletions whole', () => {
    const created = { ...change, action: 'create' as const, before: null };
    expect(entryOf(created)).toEqual(created);
  });
});
