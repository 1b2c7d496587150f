import { roundUpToPack } from './pack';

/*
 * Purchase to order (domain.md, "Purchasing"): order lines promised from
 * `supplier` (beyond stock and inbound) wait for units nobody has ordered
 * yet. Their units are the demand of a product in a warehouse; draft
 * purchase orders already cover part of it (drafts count as on order, so
 * drafting twice creates nothing twice); the rest is the shortfall, and a
 * draft for it buys whole supplier packs.
 */

export interface ShortfallInput {
  /** Units of open order lines waiting for supplier units. */
  demand: number;
  /** Units on draft purchase orders for the same product and warehouse. */
  onDraft: number;
  /** The primary supplier's pack size; null when the product has no supply. */
  packSize: number | null;
}

export interface ShortfallFigures {
  shortfall: number;
  draftQuantity: number;
}

/** shortfall = max(0, demand − onDraft); the draft buys it in whole packs. */
export function shortfallOf(input: ShortfallInput): ShortfallFigures {
  for (const [name, value] of [
    ['demand', input.demand],
    ['onDraft', input.onDraft],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not a quantity (${name}): ${value}`);
  }
  const shortfall = Math.max(0, input.demand - input.onDraft);
  return { shortfall, draftQuantity: roundUpToPack(shortfall, input.packSize) };
}

/** A product and warehouse someone may want to buy for, with what buying it would take. */
export interface DraftCandidate {
  productId: string;
  warehouseCode: string;
  /** Null: the product has no primary supplier, nothing to draft. */
  supplierCode: string | null;
  packSize: number | null;
  /** What the row would buy now (0: nothing short any more). */
  draftQuantity: number;
}

export interface DraftRequestItem {
  productId: string;
  warehouseCode: string;
  /** A quantity of the caller's choosing, rounded up to the pack; default: the row's draftQuantity. */
  quantity?: number;
}

export interface PlannedDraft {
  supplierCode: string;
  lines: { productId: string; warehouseCode: string; quantity: number }[];
}

export interface PlannedDrafts {
  drafts: PlannedDraft[];
  skipped: { productId: string; warehouseCode: string; reason: string }[];
}

export const SKIP_NO_SUPPLIER = 'no primary supplier';
export const SKIP_NOTHING_SHORT = 'nothing short any more';
export const SKIP_NOTHING_TO_BUY = 'nothing to buy';
export const SKIP_UNKNOWN = 'no such product and warehouse';

export interface PlanOptions {
  /**
   * The shortfall's rule: a row buys only while something is short, even
   * when the caller names a quantity (so a second draft creates nothing).
   * Suggestions let the buyer choose any quantity.
   */
  onlyWhileShort: boolean;
}

/**
 * Groups what to buy by supplier: one draft per supplier, lines in the
 * order asked (or the candidates' order when nothing is named). Rows without
 * a supplier, or with nothing to buy any more, are skipped with a reason, so
 * the caller says why nothing was drafted for them.
 */
export function planDrafts(
  candidates: readonly DraftCandidate[],
  items: readonly DraftRequestItem[] | undefined,
  options: PlanOptions,
): PlannedDrafts {
  const byKey = new Map(candidates.map((c) => [`${c.productId}|${c.warehouseCode}`, c]));
  const asked: readonly DraftRequestItem[] = items
    ? items
    : candidates.map((c) => ({ productId: c.productId, warehouseCode: c.warehouseCode }));
  const drafts = new Map<string, PlannedDraft>();
  const skipped: PlannedDrafts['skipped'] = [];
  const seen = new Set<string>();
  for (const item of asked) {
    const key = `${item.productId}|${item.warehouseCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const candidate = byKey.get(key);
    const skip = (reason: string) =>
      skipped.push({ productId: item.productId, warehouseCode: item.warehouseCode, reason });
    if (!candidate) {
      // Off the shortfall: drafted, sent or filled since the caller looked.
      skip(options.onlyWhileShort ? SKIP_NOTHING_SHORT : SKIP_UNKNOWN);
      continue;
    }
    if (candidate.supplierCode === null) {
      skip(SKIP_NO_SUPPLIER);
      continue;
    }
    if (options.onlyWhileShort && candidate.draftQuantity <= 0) {
      skip(SKIP_NOTHING_SHORT);
      continue;
    }
    const quantity =
      item.quantity === undefined
        ? candidate.draftQuantity
        : roundUpToPack(item.quantity, candidate.packSize);
    if (quantity <= 0) {
      skip(SKIP_NOTHING_TO_BUY);
      continue;
    }
    const draft = drafts.get(candidate.supplierCode) ?? { supplierCode: candidate.supplierCode, lines: [] };
    draft.lines.push({ productId: item.productId, warehouseCode: item.warehouseCode, quantity });
    drafts.set(candidate.supplierCode, draft);
  }
  return { drafts: [...drafts.values()], skipped };
}
