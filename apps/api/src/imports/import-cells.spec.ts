import { bodyOf, cellValue, errorsInColumns, exportCell, sameRecord } from './import-cells';

describe('import cells', () => {
  it('reads a cell as its field type, passing what does not read on for the DTO to refuse', () => {
    expect(cellValue(' 12 ', { type: 'int' })).toBe(12);
    expect(cellValue('2.5', { type: 'int' })).toBe('2.5');
    expect(cellValue('TRUE', { type: 'bool' })).toBe(true);
    expect(cellValue('false', { type: 'bool' })).toBe(false);
    expect(cellValue('Yes', { type: 'bool' })).toBe(true);
    expect(cellValue('0', { type: 'bool' })).toBe(false);
    expect(cellValue('maybe', { type: 'bool' })).toBe('maybe');
    expect(cellValue(' 12.50 ', { type: 'money' })).toBe('12.50');
    expect(cellValue(' Acme ', { type: 'text' })).toBe(' Acme ');
  });

  it('reads an empty cell as null (clear), left out (default), or empty (refused)', () => {
    expect(cellValue('', { type: 'text', nullable: true })).toBeNull();
    expect(cellValue(' ', { type: 'int', emptyMeansDefault: true })).toBeUndefined();
    expect(cellValue('', { type: 'text' })).toBe('');
    expect(cellValue('', { type: 'int' })).toBe('');
  });

  it('makes a body of the columns a file has only', () => {
    const fields = { name: { type: 'text' as const }, line2: { type: 'text' as const, nullable: true } };
    expect(bodyOf({ name: 'A' }, fields)).toEqual({ name: 'A' });
    expect(bodyOf({ 'address.line2': '' }, fields, (field) => `address.${field}`)).toEqual({ line2: null });
  });

  it('writes values as export cells and compares records cell by cell', () => {
    expect([null, true, false, 7, '1.50'].map(exportCell)).toEqual(['', 'true', 'false', '7', '1.50']);
    expect(sameRecord({ a: '1', b: '' }, { a: '1' })).toBe(true);
    expect(sameRecord({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameRecord(null, { a: '1' })).toBe(false);
    expect(errorsInColumns([{ field: 'line1', message: 'x' }], (f) => `address.${f}`)).toEqual([
      { field: 'address.line1', message: 'x' },
    ]);
  });
});
