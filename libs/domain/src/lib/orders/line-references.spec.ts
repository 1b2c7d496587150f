import fc from 'fast-check';
import { referencedKeys, resolveLineReferences } from './line-references';

const product = (
  id: string,
  sku: string,
  fields: Partial<{ active: boolean; minOrderQty: number; orderMultiple: number }> = {},
) => ({
  id,
  sku,
  active: true,
  minOrderQty: 1,
  orderMultiple: 1,
  ...fields,
});

const gloves = product('a0000000-0000-4000-8000-000000000001', 'GLV-M');
const boxes = product('a0000000-0000-4000-8000-000000000002', 'BOX-6', { minOrderQty: 6, orderMultiple: 6 });
const retired = product('a0000000-0000-4000-8000-000000000003', 'OLD-1', { active: false });
const catalog = [gloves, boxes, retired];

describe('resolveLineReferences', () => {
  it('resolves lines by id (any case) or SKU, in line order', () => {
    const result = resolveLineReferences(
      [
        { sku: 'BOX-6', quantity: 12 },
        { productId: gloves.id.toUpperCase(), quantity: 3 },
      ],
      catalog,
      { packRules: true },
    );
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([
      { product: boxes, quantity: 12 },
      { product: gloves, quantity: 3 },
    ]);
  });

  it('counts a product as named by a line whose quantity is wrong, so naming it again is a repeat', () => {
    const result = resolveLineReferences(
      [
        { sku: 'BOX-6', quantity: 5 },
        { productId: boxes.id, quantity: 6 },
      ],
      catalog,
      { packRules: true },
    );
    expect(result.lines).toEqual([]);
    expect(result.problems.map((problem) => problem.field)).toEqual(['lines[0].quantity', 'lines[1]']);
    expect(result.problems[1]?.message).toBe('repeats the product of lines[0]; one line per product');
  });

  it('names every bad line once, as validation names fields', () => {
    const result = resolveLineReferences(
      [
        { productId: gloves.id, quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
        { productId: retired.id, quantity: 1 },
        { sku: 'GLV-M', quantity: 2 }, // gloves again, by SKU this time
        { quantity: 1 },
        { productId: gloves.id, sku: 'GLV-M', quantity: 1 },
        { sku: 'BOX-6', quantity: 7 },
      ],
      catalog,
      { packRules: true },
    );
    expect(result.lines).toEqual([]);
    expect(result.problems).toEqual([
      { field: 'lines[1].sku', message: 'is not a known product' },
      { field: 'lines[2].productId', message: 'OLD-1 is no longer sold' },
      { field: 'lines[3]', message: 'repeats the product of lines[0]; one line per product' },
      { field: 'lines[4]', message: 'give either productId or sku' },
      { field: 'lines[5]', message: 'give either productId or sku' },
      { field: 'lines[6].quantity', message: 'must be a multiple of 6 (sold in packs of 6)' },
    ]);
  });

  it('holds quantities to pack rules only when asked (a quote or a promise need not)', () => {
    const lines = [{ sku: 'BOX-6', quantity: 1 }];
    expect(resolveLineReferences(lines, catalog, { packRules: false }).problems).toEqual([]);
    expect(resolveLineReferences(lines, catalog, { packRules: true }).problems).toEqual([
      { field: 'lines[0].quantity', message: 'must be at least 6 (the minimum order)' },
    ]);
  });

  it('either resolves every line or names at least one problem, never both', () => {
    const reference = fc.record(
      {
        productId: fc.constantFrom(gloves.id, boxes.id, retired.id, 'b0000000-0000-4000-8000-000000000009'),
        sku: fc.constantFrom('GLV-M', 'BOX-6', 'OLD-1', 'NOPE'),
        quantity: fc.integer({ min: 1, max: 30 }),
      },
      { requiredKeys: ['quantity'] },
    );
    fc.assert(
      fc.property(fc.array(reference, { maxLength: 6 }), fc.boolean(), (asked, packRules) => {
        const { lines, problems } = resolveLineReferences(asked, catalog, { packRules });
        if (problems.length > 0) return lines.length === 0 && problems.length <= asked.length;
        const ids = lines.map((line) => line.product.id);
        return lines.length === asked.length && new Set(ids).size === ids.length;
      }),
    );
  });
});

describe('referencedKeys', () => {
  it('collects the ids (lower case) and SKUs named, each once', () => {
    expect(
      referencedKeys([
        { productId: 'ABC', quantity: 1 },
        { sku: 'X-1', quantity: 1 },
        { productId: 'abc', quantity: 2 },
      ]),
    ).toEqual({ ids: ['abc'], skus: ['X-1'] });
  });
});
