import type { ImportRowDetail } from '@tradecounter/contracts';
import { rowChanges } from './import-rows';

function row(changes: Partial<ImportRowDetail>): ImportRowDetail {
  return {
    row: 2,
    key: 'GLV-NIT-M',
    action: 'update',
    errors: [],
    values: {},
    before: null,
    after: null,
    ...changes,
  };
}

describe('what an update row changes', () => {
  it('lists only the cells that differ, cleared ones included', () => {
    const update = row({
      before: { sku: 'GLV-NIT-M', listPrice: '12.00', description: 'Nitrile gloves' },
      after: { sku: 'GLV-NIT-M', listPrice: '12.50', description: '' },
    });
    expect(rowChanges(update)).toEqual([
      { field: 'listPrice', before: '12.00', after: '12.50' },
      { field: 'description', before: 'Nitrile gloves', after: '' },
    ]);
  });

  it('lists nothing for a create, an unchanged row or an error', () => {
    expect(rowChanges(row({ action: 'create', after: { sku: 'A' } }))).toEqual([]);
    expect(rowChanges(row({ action: 'unchanged', before: { a: '1' }, after: { a: '1' } }))).toEqual([]);
    expect(rowChanges(row({ action: 'error', before: null, after: null }))).toEqual([]);
  });
});
