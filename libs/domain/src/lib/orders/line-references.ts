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
  // Plain loops: a 100-line quote, promise or order reads its lines here on every request.
  const byId = new Map<string, P>();
  const bySku = new Map<string, P>();
  for (const product of found) {
    byId.set(product.id, product);
    bySku.set(product.sku, product);
  }
  const problems: LineProblem[] = [];
  const lines: { product: P; quantity: number }[] = [];
  const firstLineOf = new Map<string, number>();
  for (let index = 0; index < asked.length; index += 1) {
    const line = asked[index] as LineReference;
    const read = readLine(line, index, byId, bySku, firstLineOf, rules);
    if (read.problem) problems.push(read.problem);
    else lines.push({ product: read.product, quantity: line.quantity });
  }
  return { lines: problems.length > 0 ? [] : lines, problems };
}

/**
 * Line `index`'s product, or what is wrong with the line (one problem per line, the first found).
 * A found product counts as named by this line even when its quantity is wrong, so a later line
 * naming it again is a repeat.
 */
function readLine<P extends ReferencedProduct>(
  line: LineReference,
  index: number,
  byId: ReadonlyMap<string, P>,
  bySku: ReadonlyMap<string, P>,
  firstLineOf: Map<string, number>,
  rules: LineRules,
): { product: P; problem?: undefined } | { problem: LineProblem } {
  const problem = (field: string | null, message: string) => ({
    problem: { field: field ? `lines[${index}].${field}` : `lines[${index}]`, message },
  });
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
  return badQuantity ? problem('quantity', badQuantity) : { product };
}

/** The ids and SKUs the lines name, for the one query that reads their products. */
export function referencedKeys(asked: readonly LineReference[]): { ids: string[]; skus: string[] } {
  const ids = new Set<string>();
  const skus = new Set<string>();
  for (const line of asked) {
    if (line.productId) ids.add(line.productId.toLowerCase());
    if (line.sku) skus.add(line.sku);
  }
  return { ids: [...ids], skus: [...skus] };
}
