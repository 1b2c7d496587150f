import type { OrderCheckLine } from '@tradecounter/contracts';
import { remainingText, scanRequest } from './check-scan';

const line = (sku: string, expected: number, confirmed: number): OrderCheckLine => ({
  orderLineId: sku,
  lineNo: 1,
  sku,
  name: sku,
  expected,
  confirmed,
  done: confirmed >= expected,
});

describe('a scan at the check step', () => {
  it('names a line’s SKU when the code is one (case and spaces aside), else a barcode', () => {
    const lines = [line('BOLT-M8', 4, 0)];
    expect(scanRequest(' bolt-m8 ', 2, lines)).toEqual({ sku: 'BOLT-M8', quantity: 2 });
    expect(scanRequest('5012345678900', 1, lines)).toEqual({ barcode: '5012345678900', quantity: 1 });
  });

  it('says how much is left to check, nothing once every line is done', () => {
    expect(remainingText([line('A', 4, 1), line('B', 1, 0), line('C', 2, 2)])).toBe(
      '2 lines (4 units) still to check',
    );
    expect(remainingText([line('A', 1, 0)])).toBe('1 line (1 unit) still to check');
    expect(remainingText([line('A', 1, 1)])).toBe('');
  });
});
