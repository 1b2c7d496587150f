/**
 * Quick order: lines typed or pasted as `SKU quantity` (space, tab, comma or
 * semicolon between them), or a CSV with a `sku,quantity` header. Every row
 * comes back either as a line or as an error with its row number and reason;
 * nothing is silently dropped. Repeated SKUs are added together.
 */
export interface QuickOrderLine {
  sku: string;
  quantity: number;
  /** 1-based rows where this SKU appeared. */
  rows: number[];
}

export interface QuickOrderError {
  row: number;
  text: string;
  reason: string;
}

export interface QuickOrderParse {
  lines: QuickOrderLine[];
  errors: QuickOrderError[];
}

export const MAX_QUICK_ORDER_ROWS = 500;

const SEPARATOR = /[\t,;]+|\s+/;
const QUANTITY = /^\d{1,7}$/;

export function parseQuickOrder(text: string): QuickOrderParse {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const bySku = new Map<string, QuickOrderLine>();
  const errors: QuickOrderError[] = [];
  let counted = 0;
  rows.forEach((raw, index) => {
    const row = index + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (row === 1 && isHeader(line)) return;
    counted++;
    if (counted > MAX_QUICK_ORDER_ROWS) {
      if (counted === MAX_QUICK_ORDER_ROWS + 1) {
        errors.push({
          row,
          text: raw,
          reason: `only ${MAX_QUICK_ORDER_ROWS} rows at a time; this row and the rest were not read`,
        });
      }
      return;
    }
    const parsed = parseRow(line);
    if ('reason' in parsed) {
      errors.push({ row, text: raw, reason: parsed.reason });
      return;
    }
    const key = parsed.sku.toUpperCase();
    const existing = bySku.get(key);
    if (existing) {
      existing.quantity += parsed.quantity;
      existing.rows.push(row);
    } else {
      bySku.set(key, { sku: parsed.sku, quantity: parsed.quantity, rows: [row] });
    }
  });
  return { lines: [...bySku.values()], errors };
}

function isHeader(line: string): boolean {
  const [first, second] = line
    .toLowerCase()
    .split(SEPARATOR)
    .map((cell) => unquote(cell));
  return first === 'sku' && (second === undefined || second === 'quantity' || second === 'qty');
}

function parseRow(line: string): { sku: string; quantity: number } | { reason: string } {
  const cells = line
    .split(SEPARATOR)
    .map(unquote)
    .filter((cell) => cell !== '');
  if (cells.length === 1) return { reason: 'a quantity is missing (write "SKU quantity")' };
  if (cells.length > 2) return { reason: 'expected two values: SKU and quantity' };
  const [sku, quantityText] = cells as [string, string];
  if (!QUANTITY.test(quantityText)) return { reason: `"${quantityText}" is not a whole number of units` };
  const quantity = Number(quantityText);
  if (quantity === 0) return { reason: 'the quantity must be at least 1' };
  return { sku, quantity };
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}
