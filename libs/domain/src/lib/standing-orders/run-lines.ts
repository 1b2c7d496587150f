/** A standing order's line with what the run day knows about its product. */
export interface RunLineFacts {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  active: boolean;
  backorderable: boolean;
  minOrderQty: number;
  orderMultiple: number;
  /** What stock and inbound can promise today (only read for products that cannot be backordered). */
  promisable: number | null;
}

export interface RunLineChange {
  productId: string;
  sku: string;
  name: string;
  requested: number;
  placed: number;
  reason: string;
}

export interface RunPlan {
  /** What the order asks for, in the standing order's line order. */
  lines: { productId: string; sku: string; quantity: number }[];
  dropped: RunLineChange[];
  capped: RunLineChange[];
  /** Why nothing is placed (account on hold, nothing left), else null. */
  failure: string | null;
}

/**
 * What a run places: what it can. A product no longer sold is dropped; a
 * product that cannot be backordered is capped to the whole packs that can
 * be promised (dropped when that is below its minimum); a quantity the pack
 * rules no longer allow is cut to whole packs. It fails only when the
 * account may not order (on hold, closed) or nothing is left.
 */
export function planRun(lines: readonly RunLineFacts[], account: { status: string }): RunPlan {
  const plan: RunPlan = { lines: [], dropped: [], capped: [], failure: null };
  for (const line of lines) {
    const change = (placed: number, reason: string): RunLineChange => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      requested: line.quantity,
      placed,
      reason,
    });
    if (!line.active) {
      plan.dropped.push(change(0, 'no longer sold'));
      continue;
    }
    const multiple = Math.max(1, line.orderMultiple);
    let quantity = Math.floor(line.quantity / multiple) * multiple;
    let reason = quantity < line.quantity ? `now sold in packs of ${multiple}` : '';
    if (!line.backorderable && line.promisable !== null && line.promisable < quantity) {
      quantity = Math.floor(Math.max(0, line.promisable) / multiple) * multiple;
      reason = `only ${Math.max(0, line.promisable)} available, and it cannot be backordered`;
    }
    if (quantity < Math.max(1, line.minOrderQty)) {
      plan.dropped.push(change(0, reason || `below the minimum order of ${line.minOrderQty}`));
      continue;
    }
    if (quantity < line.quantity) plan.capped.push(change(quantity, reason));
    plan.lines.push({ productId: line.productId, sku: line.sku, quantity });
  }
  if (account.status === 'on_hold') plan.failure = 'the account is on credit hold';
  else if (account.status !== 'active') plan.failure = 'the account is closed';
  else if (plan.lines.length === 0) plan.failure = 'nothing could be placed: every line was dropped';
  if (plan.failure) plan.lines = [];
  return plan;
}
