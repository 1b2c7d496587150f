import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseBarcode } from '@tradecounter/contracts';

/** A code already in use: a product's SKU, its barcode, or one of its case barcodes. */
export interface CodeOwner {
  code: string;
  productId: string;
  sku: string;
  kind: 'sku' | 'barcode' | 'case barcode';
}

/**
 * The codes that name a product at the check step: its SKU, its barcode and
 * its case barcodes. All share one namespace, so a scan names one product.
 */
@Injectable()
export class ProductCodesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Who else uses any of these codes (the product itself aside). */
  async owners(codes: string[], exceptProductId?: string): Promise<CodeOwner[]> {
    if (codes.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT c.code, c.product_id AS "productId", p.sku, c.kind FROM (
         SELECT sku AS code, id AS product_id, 'sku' AS kind FROM products WHERE sku = ANY($1::text[])
         UNION ALL
         SELECT barcode, id, 'barcode' FROM products WHERE barcode = ANY($1::text[])
         UNION ALL
         SELECT code, product_id, 'case barcode' FROM product_case_barcodes WHERE code = ANY($1::text[])
       ) c JOIN products p ON p.id = c.product_id
       WHERE $2::uuid IS NULL OR c.product_id <> $2::uuid`,
      [codes, exceptProductId ?? null],
    )) as CodeOwner[];
  }

  async caseBarcodes(productIds: string[]): Promise<Map<string, CaseBarcode[]>> {
    const found = new Map<string, CaseBarcode[]>(productIds.map((id) => [id, []]));
    if (productIds.length === 0) return found;
    const rows = (await this.dataSource.query(
      `SELECT product_id AS "productId", code, qty FROM product_case_barcodes
        WHERE product_id = ANY($1::uuid[]) ORDER BY qty, code`,
      [productIds],
    )) as (CaseBarcode & { productId: string })[];
    for (const { productId, ...barcode } of rows) found.get(productId)?.push(barcode);
    return found;
  }

  async replaceCaseBarcodes(tx: EntityManager, productId: string, list: CaseBarcode[]): Promise<void> {
    await tx.query('DELETE FROM product_case_barcodes WHERE product_id = $1', [productId]);
    if (list.length === 0) return;
    await tx.query(
      `INSERT INTO product_case_barcodes (code, product_id, qty)
       SELECT code, $1, qty FROM unnest($2::text[], $3::int[]) AS t(code, qty)`,
      [productId, list.map((item) => item.code), list.map((item) => item.qty)],
    );
  }
}
