import { changedFields } from './audit.service';

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
