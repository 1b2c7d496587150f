import { compareBins } from './bins';

export type VelocityClassName = 'A' | 'B' | 'C';

/** The share of all picks (in percent) the A products make up, and A and B together. */
export const CLASS_A_PERCENT = 80;
export const CLASS_B_PERCENT = 95;

export interface ProductPicks {
  productId: string;
  sku: string;
  picks: number;
}

export interface Classed<T> {
  item: T;
  /** Share of all picks up to and including this product, most picked first (0 to 1). */
  cumulativeShare: number;
  velocityClass: VelocityClassName;
}

/**
 * ABC classing: products by picks, most first (ties by SKU). A product is A
 * while the share of picks of the products before it is under 80 %, B while
 * under 95 %, else C: so the top 80 % of picks are A (the product crossing
 * the line included), the next 15 % B, the rest C. Counted in integers, so
 * the classes never depend on float rounding.
 */
export function classifyVelocity<T extends ProductPicks>(products: readonly T[]): Classed<T>[] {
  const sorted = [...products].sort((a, b) => b.picks - a.picks || compareText(a.sku, b.sku));
  const total = sorted.reduce((sum, product) => sum + Math.max(0, product.picks), 0);
  let before = 0;
  return sorted.map((item) => {
    const picks = Math.max(0, item.picks);
    const velocityClass: VelocityClassName =
      total === 0
        ? 'C'
        : before * 100 < total * CLASS_A_PERCENT
          ? 'A'
          : before * 100 < total * CLASS_B_PERCENT
            ? 'B'
            : 'C';
    before += picks;
    return { item, cumulativeShare: total === 0 ? 0 : before / total, velocityClass };
  });
}

/**
 * The most accessible aisles: the lowest aisles in natural order whose bins
 * together number at least the count of A products (all aisles when they
 * cannot). `binsByAisle` counts the bins recorded in each aisle.
 */
export function accessibleAisles(binsByAisle: ReadonlyMap<string, number>, aProducts: number): string[] {
  if (aProducts <= 0) return [];
  const aisles = [...binsByAisle.keys()].sort(compareBins);
  const chosen: string[] = [];
  let bins = 0;
  for (const aisle of aisles) {
    if (bins >= aProducts) break;
    chosen.push(aisle);
    bins += binsByAisle.get(aisle) ?? 0;
  }
  return chosen;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
