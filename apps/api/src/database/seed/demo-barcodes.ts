import type { EntityManager } from 'typeorm';

/** How many demo products carry a unit barcode, and how many of those a case barcode too. */
const WITH_BARCODE = 12;
const WITH_CASE = 4;

/**
 * Barcodes for the first demo products (by SKU), so the check step can be
 * tried with a scanner or by typing: EAN-13 unit codes (prefix 0) and
 * GTIN-14 case codes of 12 units (prefix 1). Deterministic.
 */
export async function seedDemoBarcodes(tx: EntityManager): Promise<void> {
  const products = (await tx.query('SELECT id FROM products ORDER BY sku LIMIT $1', [WITH_BARCODE])) as {
    id: string;
  }[];
  for (const [index, product] of products.entries()) {
    const body = `0${String(40_000_000_000 + index * 17).padStart(11, '0')}`;
    await tx.query('UPDATE products SET barcode = $2 WHERE id = $1', [product.id, withCheckDigit(body)]);
    if (index < WITH_CASE) {
      await tx.query('INSERT INTO product_case_barcodes (code, product_id, qty) VALUES ($1, $2, 12)', [
        withCheckDigit(`1${body}`),
        product.id,
      ]);
    }
  }
}

/** GS1 check digit: weights 3 and 1 from the right. */
function withCheckDigit(digits: string): string {
  const sum = [...digits]
    .reverse()
    .reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}
