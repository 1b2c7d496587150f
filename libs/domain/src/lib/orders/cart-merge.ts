import { nearestOrderable, PackRules, quantityProblem } from './order-quantity';

/** The most lines one cart may hold. */
export const MAX_CART_LINES = 500;

/** What merging needs of a product: its pack rules and whether it is still sold. */
export interface MergeProduct extends PackRules {
  id: string;
  sku: string;
  active: boolean;
}

/** One row asked to be added to a cart (a quick-order line, a CSV row, an order or template line). */
export interface MergeRow {
  /** 1-based: the CSV row, or the line's position. */
  row: number;
  /** Every row it stands for (a CSV names a SKU twice: one row, its quantities summed). */
  rows: number[];
  /** The SKU as written, or the product's for order and template lines. */
  sku: string | null;
  quantity: unknown;
  /** The product the row names; null when none does. */
  product: MergeProduct | null;
  /** Why the row could not even be read (a bad SKU, an ambiguous one), before any product rule. */
  unreadable?: string;
}

export interface MergeRowOutcome {
  row: number;
  rows: number[];
  sku: string | null;
  productId: string | null;
  quantity: number | null;
  status: 'added' | 'error';
  reason: string | null;
  /** For a pack-rule refusal: the quantity this row could add instead, so the line is orderable. */
  suggestedQuantity: number | null;
}

export interface MergePlan {
  /** One per row, in row order. */
  rows: MergeRowOutcome[];
  /** What to add to each product's line: the sum of its accepted rows. */
  additions: { productId: string; quantity: number }[];
  /** How many lines the cart holds once the additions are made. */
  lineCount: number;
}

/**
 * Merges rows into a cart holding `existing` (quantity per product id).
 * Rows of the same product are summed with what the cart already holds, and
 * the pack rules (minimum, multiple, at most MAX_LINE_QUANTITY) are checked
 * on that sum: the line as it would be, not the row alone. Every row comes
 * back added or refused with its reason; good rows are added whatever the
 * others do, and a product's rows are added all or none.
 */
export function planCartMerge(rows: readonly MergeRow[], existing: ReadonlyMap<string, number>): MergePlan {
  const outcomes = new Map<MergeRow, MergeRowOutcome>();
  const byProduct = new Map<string, { product: MergeProduct; rows: MergeRow[] }>();
  for (const row of rows) {
    const refusal = rowProblem(row);
    if (refusal !== null) {
      outcomes.set(row, outcome(row, 'error', refusal));
      continue;
    }
    const product = row.product as MergeProduct;
    const group = byProduct.get(product.id) ?? { product, rows: [] };
    group.rows.push(row);
    byProduct.set(product.id, group);
  }
  const additions: MergePlan['additions'] = [];
  for (const { product, rows: group } of byProduct.values()) {
    const held = existing.get(product.id) ?? 0;
    const adding = group.reduce((sum, row) => sum + (row.quantity as number), 0);
    const line = held + adding;
    const problem = quantityProblem(line, product);
    if (problem === null) {
      additions.push({ productId: product.id, quantity: adding });
      for (const row of group) outcomes.set(row, outcome(row, 'added', null));
      continue;
    }
    const target = nearestOrderable(line, product);
    for (const row of group) {
      const quantity = row.quantity as number;
      const fits = target === null ? null : target - (line - quantity);
      const suggested = fits !== null && fits > 0 ? fits : null;
      outcomes.set(row, {
        ...outcome(row, 'error', packReason(held, line, quantity, problem, suggested)),
        suggestedQuantity: suggested,
      });
    }
  }
  const fresh = additions.filter((addition) => !existing.has(addition.productId)).length;
  return {
    rows: [...rows].sort((a, b) => a.row - b.row).map((row) => outcomes.get(row) as MergeRowOutcome),
    additions,
    lineCount: existing.size + fresh,
  };
}

/** Why this row cannot be added whatever the cart holds, or null. */
function rowProblem(row: MergeRow): string | null {
  if (row.unreadable) return row.unreadable;
  if (!row.product) return `no product has the SKU "${row.sku ?? ''}"`;
  if (!row.product.active) return `${row.product.sku} is no longer sold`;
  const problem = quantityProblem(row.quantity, { minOrderQty: 1, orderMultiple: 1 });
  return problem === null ? null : `the quantity ${problem}`;
}

function packReason(
  held: number,
  line: number,
  quantity: number,
  problem: string,
  suggested: number | null,
): string {
  const hint = suggested !== null && suggested > 0 ? `; ${suggested} would do` : '';
  if (line === quantity) return `the quantity ${problem}${hint}`;
  const already = held > 0 ? `with the ${held} already in the cart ` : '';
  return `${already}the line would be ${line}, which ${problem}${hint}`;
}

function outcome(row: MergeRow, status: 'added' | 'error', reason: string | null): MergeRowOutcome {
  return {
    row: row.row,
    rows: row.rows,
    sku: row.product?.sku ?? row.sku,
    productId: row.product?.id ?? null,
    quantity: typeof row.quantity === 'number' && Number.isFinite(row.quantity) ? row.quantity : null,
    status,
    reason,
    suggestedQuantity: null,
  };
}
