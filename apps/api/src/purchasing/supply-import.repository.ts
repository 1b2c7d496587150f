import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A supplier as an import reads and writes it. */
export interface SupplierFields {
  code: string;
  name: string;
  email: string;
  leadTimeDays: number;
}

/** A product's purchasing facts as stored: null days mean the domain's defaults. */
export interface SupplyFields {
  supplierCode: string;
  supplierSku: string;
  unitCost: string;
  packSize: number;
  safetyDays: number | null;
  reviewDays: number | null;
}

/** A product named by a file, with its purchasing facts when it has them. */
export interface ProductWithSupply {
  productId: string;
  sku: string;
  supply: SupplyFields | null;
}

const SUPPLIER_COLUMNS = `code, name, email, lead_time_days AS "leadTimeDays"`;

const PRODUCT_SUPPLY_SQL = `
SELECT p.id AS "productId", p.sku,
       CASE WHEN ps.product_id IS NULL THEN NULL ELSE json_build_object(
         'supplierCode', ps.supplier_code, 'supplierSku', ps.supplier_sku, 'unitCost', ps.unit_cost::text,
         'packSize', ps.pack_size, 'safetyDays', ps.safety_days, 'reviewDays', ps.review_days) END AS supply
  FROM products p LEFT JOIN product_supply ps ON ps.product_id = p.id`;

/**
 * The set-based reads and writes of the supplier and product-supply imports:
 * one statement per chunk, never one per row.
 */
@Injectable()
export class SupplyImportRepository {
  /** With `lock`, the suppliers stay locked until the transaction ends (as PATCH locks the one it changes). */
  suppliersByCode(manager: EntityManager, codes: string[], lock = false): Promise<SupplierFields[]> {
    return manager.query(
      `SELECT ${SUPPLIER_COLUMNS} FROM suppliers WHERE code = ANY($1::text[]) ORDER BY code${lock ? ' FOR UPDATE' : ''}`,
      [codes],
    ) as Promise<SupplierFields[]>;
  }

  async insertSuppliers(manager: EntityManager, suppliers: SupplierFields[]): Promise<void> {
    if (suppliers.length === 0) return;
    await manager.query(
      `INSERT INTO suppliers (code, name, email, lead_time_days)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
      columnsOf(suppliers, ['code', 'name', 'email', 'leadTimeDays']),
    );
  }

  async updateSuppliers(manager: EntityManager, suppliers: SupplierFields[]): Promise<void> {
    if (suppliers.length === 0) return;
    await manager.query(
      `UPDATE suppliers s SET name = v.name, email = v.email, lead_time_days = v.lead_time_days,
              version = s.version + 1, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS v(code, name, email, lead_time_days)
        WHERE s.code = v.code`,
      columnsOf(suppliers, ['code', 'name', 'email', 'leadTimeDays']),
    );
  }

  /** Suppliers in code order after `afterCode`, a page at a time. */
  supplierPage(manager: EntityManager, afterCode: string | null, limit: number): Promise<SupplierFields[]> {
    return manager.query(
      `SELECT ${SUPPLIER_COLUMNS} FROM suppliers WHERE $1::text IS NULL OR code > $1 ORDER BY code LIMIT $2`,
      [afterCode, limit],
    ) as Promise<SupplierFields[]>;
  }

  productsBySku(manager: EntityManager, skus: string[]): Promise<ProductWithSupply[]> {
    return manager.query(`${PRODUCT_SUPPLY_SQL} WHERE p.sku = ANY($1::text[])`, [skus]) as Promise<
      ProductWithSupply[]
    >;
  }

  /** Products that have purchasing facts, in SKU order after `afterSku`. */
  supplyPage(manager: EntityManager, afterSku: string | null, limit: number): Promise<ProductWithSupply[]> {
    return manager.query(
      `${PRODUCT_SUPPLY_SQL} WHERE ps.product_id IS NOT NULL AND ($1::text IS NULL OR p.sku > $1)
        ORDER BY p.sku LIMIT $2`,
      [afterSku, limit],
    ) as Promise<ProductWithSupply[]>;
  }

  async upsertSupply(manager: EntityManager, rows: (SupplyFields & { productId: string })[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO product_supply (product_id, supplier_code, supplier_sku, unit_cost, pack_size, safety_days, review_days)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[], $5::int[], $6::int[], $7::int[])
       ON CONFLICT (product_id) DO UPDATE SET supplier_code = excluded.supplier_code,
         supplier_sku = excluded.supplier_sku, unit_cost = excluded.unit_cost, pack_size = excluded.pack_size,
         safety_days = excluded.safety_days, review_days = excluded.review_days`,
      columnsOf(rows, [
        'productId',
        'supplierCode',
        'supplierSku',
        'unitCost',
        'packSize',
        'safetyDays',
        'reviewDays',
      ]),
    );
  }
}

/** Rows as one array per column, for `unnest`. */
function columnsOf<T>(rows: T[], keys: (keyof T)[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}
