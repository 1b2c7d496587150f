/** A backordered line waiting for units of one product, oldest order first. */
export interface BackorderedLine {
  id: string;
  backordered: number;
}

export interface BackorderFill {
  id: string;
  qty: number;
}

/**
 * How arriving units that no order was promised fill backordered lines:
 * in the order given (oldest order first), each line as far as the units
 * go. Never more in all than `units`, never more per line than it waits for.
 */
export function planBackorderFill(units: number, lines: readonly BackorderedLine[]): BackorderFill[] {
  const fills: BackorderFill[] = [];
  let left = Math.max(0, Math.floor(units));
  for (const line of lines) {
    if (left === 0) break;
    const qty = Math.min(left, Math.max(0, line.backordered));
    if (qty > 0) {
      fills.push({ id: line.id, qty });
      left -= qty;
    }
  }
  return fills;
}
