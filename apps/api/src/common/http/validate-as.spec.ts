import { CreateProductDto } from '../../catalog/dto/product.dto';
import { validateAs } from './validate-as';

describe('validateAs', () => {
  const valid = { sku: 'GLV-NIT-M', name: 'Gloves', category: 'PPE', unit: 'box', listPrice: '12.00' };

  it('accepts what the API accepts and returns the DTO instance', async () => {
    const result = await validateAs(CreateProductDto, valid);
    expect(result.errors).toEqual([]);
    expect(result.value).toBeInstanceOf(CreateProductDto);
  });

  it('refuses what the API refuses, naming the fields', async () => {
    const result = await validateAs(CreateProductDto, { ...valid, listPrice: '12.005', colour: 'red' });
    expect(result.value).toBeNull();
    expect(result.errors.map((error) => error.field).sort()).toEqual(['colour', 'listPrice']);
  });

  it('refuses a line break in a single-line field, as the API does', async () => {
    const result = await validateAs(CreateProductDto, { ...valid, name: 'Glo\nves' });
    expect(result.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });
});
