import { MAX_QUICK_ORDER_ROWS, parseQuickOrder } from './quick-order';

describe('quick order', () => {
  it('reads SKU and quantity separated by spaces, tabs, commas or semicolons', () => {
    const parsed = parseQuickOrder('ABC-1 5\nABC-2\t10\nABC-3,2\r\nABC-4; 7');
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines).toEqual([
      { sku: 'ABC-1', quantity: 5, rows: [1] },
      { sku: 'ABC-2', quantity: 10, rows: [2] },
      { sku: 'ABC-3', quantity: 2, rows: [3] },
      { sku: 'ABC-4', quantity: 7, rows: [4] },
    ]);
  });

  it('reads a CSV with a header and quoted cells', () => {
    const parsed = parseQuickOrder('\uFEFFsku,quantity\n"ABC-1","3"\nabc-1,2\n');
    expect(parsed.lines).toEqual([{ sku: 'ABC-1', quantity: 5, rows: [2, 3] }]);
    expect(parsed.errors).toEqual([]);
  });

  it('reports every bad row with its number and reason, and keeps the good ones', () => {
    const parsed = parseQuickOrder(
      'ABC-1 2\nABC-2\nABC-3 1.5\nABC-4 -1\nABC-5 0\nABC-6 2 3\n\n# a comment\nABC-7 four',
    );
    expect(parsed.lines).toEqual([{ sku: 'ABC-1', quantity: 2, rows: [1] }]);
    expect(parsed.errors.map((error) => [error.row, error.reason])).toEqual([
      [2, 'a quantity is missing (write "SKU quantity")'],
      [3, '"1.5" is not a whole number of units'],
      [4, '"-1" is not a whole number of units'],
      [5, 'the quantity must be at least 1'],
      [6, 'expected two values: SKU and quantity'],
      [9, '"four" is not a whole number of units'],
    ]);
  });

  it('stops at the row limit and says so', () => {
    const text = Array.from({ length: MAX_QUICK_ORDER_ROWS + 3 }, (_, i) => `SKU-${i} 1`).join('\n');
    const parsed = parseQuickOrder(text);
    expect(parsed.lines).toHaveLength(MAX_QUICK_ORDER_ROWS);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.row).toBe(MAX_QUICK_ORDER_ROWS + 1);
  });
});
