import { PackRules, quantityProblem } from './order-quantity';

/** A line as a request names it: a product by id or by SKU, and a quantity. */
export interface LineReference {
  productId?: string;
  sku?: string;
  quantity: number;
}

/** What resolving needs of a product: found by id or SKU, sold or not, and its pack rules. */
export interface ReferencedProduct extends PackRules {
  id: string;
  sku: string;
  active: boolean;
}

/** A bad line, named as validation names fields (`lines[2].sku`), so a client maps it to its row. */
export interface LineProblem {
  field: string;
  message: string;
}

export interface LineResolution<P extends ReferencedProduct> {
  /** One per line, in line order; empty when there are problems. */
  lines: { product: P; quantity: number }[];
  problems: LineProblem[];
}

export interface LineRules {
  /**
   * Also hold each quantity to the product's minimum and pack size: what is
   * ordered or saved must be orderable; what is only priced or promised need not.
   */
  packRules: boolean;
}

/**
 * The one reading of requested lines, for orders, templates, quotes and
 * promises alike: each line names exactly one product (by id or SKU), a
 * known one still sold, no product twice (one line per product, as an
 * order keeps it), and, under pack rules, an orderable quantity. Every bad
 * line is reported, one problem each, so a client can mark all of them.
 */
export function resolveLineReferences<P extends ReferencedProduct>(
  asked: readonly LineReference[],
  found: readonly P[],
  rules: LineRules,
): LineResolution<P> {
  const byId = new Map(found.map((product) => [product.id, product]));
  const bySku = new Map(found.map((product) => [product.sku, product]));
  const problems: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = asked.flatMap((line, index) => {
    const problem = (field: string | null, message: string) => {
      problems.push({ field: field ? `lines[${index}].${field}` : `lines[${index}]`, message });
      return [];
    };
    if ((line.productId === undefined) === (line.sku === undefined)) {
      return problem(null, 'give either productId or sku');
    }
    const field = line.productId !== undefined ? 'productId' : 'sku';
    const product =
      line.productId !== undefined ? byId.get(line.productId.toLowerCase()) : bySku.get(line.sku ?? '');
    if (!product) return problem(field, 'is not a known product');
    if (!product.active) return problem(field, `${product.sku} is no longer sold`);
    const first = firstLineOf.get(product.id);
    if (first !== undefined) {
      return problem(null, `repeats the product of lines[${first}]; one line per product`);
    }
    firstLineOf.set(product.id, index);
    const badQuantity = rules.packRules ? quantityProblem(line.quantity, product) : null;
    if (badQuantity) return problem('quantity', badQuantity);
    return [{ product, quantity: line.quantity }];
  });
  return { lines: problems.length > 0 ? [] : lines, problems };
}

/** The ids and SKUs the lines name, for the one query that reads their products. */
export function referencedKeys(asked: readonly LineReference[]): { ids: string[]; skus: string[] } {
  return {
    ids: [...new Set(asked.flatMap((line) => (line.productId ? [line.productId.toLowerCase()] : [])))],
    skus: [...new Set(asked.flatMap((line) => (line.sku ? [line.sku] : [])))],
  };
}
