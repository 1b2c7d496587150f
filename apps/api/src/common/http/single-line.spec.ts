import 'reflect-metadata';
import { MultiLine } from './field-decorators';
import { findLineBreakFault } from './single-line';

class LineDto {
  sku?: string;
}

class OrderDto {
  name?: string;
  @MultiLine() notes?: string;
  tags?: string[];
  lines?: LineDto[];
  address?: LineDto;
}

const line = (sku: string) => Object.assign(new LineDto(), { sku });
const order = (fields: Partial<OrderDto>) => Object.assign(new OrderDto(), fields);

describe('findLineBreakFault', () => {
  it('lets a @MultiLine field hold line breaks and tabs', () => {
    expect(
      findLineBreakFault(order({ name: 'Weekly', notes: 'Gate code 1234\r\n\tRing twice' })),
    ).toBeUndefined();
  });

  it('refuses a line break in any other field, nested ones named as the validation errors name them', () => {
    expect(findLineBreakFault(order({ name: 'a\nb' }))).toMatchObject({ field: 'name' });
    expect(findLineBreakFault(order({ tags: ['ok', 'b\tc'] }))).toMatchObject({ field: 'tags[1]' });
    expect(findLineBreakFault(order({ lines: [line('A'), line('B\rC')] }))).toMatchObject({
      field: 'lines[1].sku',
    });
    expect(findLineBreakFault(order({ address: line('\u0001') }))).toMatchObject({ field: 'address.sku' });
    expect(findLineBreakFault(line('x\n'), '[3]')).toMatchObject({ field: '[3].sku' });
  });

  it('accepts single-line text and values that are not text', () => {
    expect(findLineBreakFault(order({ name: 'Ærø 🚚', lines: [line('A-1')] }))).toBeUndefined();
    expect(findLineBreakFault({ quantity: 3, active: true, at: new Date() })).toBeUndefined();
  });
});
