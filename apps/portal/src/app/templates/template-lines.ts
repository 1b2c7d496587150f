/** Where an added product goes in a template being edited. */
export interface LinePlacement {
  /** The line it lands on: its existing line, or a new one at the end. */
  index: number;
  /** That line's quantity once added. */
  quantity: number;
  merged: boolean;
}

/**
 * A product added to a template lands on its own line if it has one (the
 * quantities added up, as the API keeps one line per product), else on a
 * new line at the end. A current quantity that is not a number yet (being
 * typed) counts as none.
 */
export function placeProduct(
  lines: readonly { productId: string }[],
  quantities: readonly unknown[],
  productId: string,
  quantity: number,
): LinePlacement {
  const index = lines.findIndex((line) => line.productId === productId);
  if (index < 0) return { index: lines.length, quantity, merged: false };
  const current = Number(quantities[index]);
  const existing = Number.isInteger(current) && current > 0 ? current : 0;
  return { index, quantity: existing + quantity, merged: true };
}
