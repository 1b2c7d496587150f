import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ProductSupply, Supplier } from '@tradecounter/contracts';
import { DEFAULT_REVIEW_DAYS, DEFAULT_SAFETY_DAYS } from '@tradecounter/contracts';

const SUPPLIER_SQL = `
SELECT s.code, s.name, s.email, s.lead_time_days AS "leadTimeDays", s.version,
       (SELECT count(*)::int FROM product_supply ps WHERE ps.supplier_code = s.code) AS "productCount"
  FROM suppliers s`;

const SUPPLY_SQL = `
SELECT ps.product_id AS "productId", p.sku, ps.supplier_code AS "supplierCode", s.name AS "supplierName",
       ps.supplier_sku AS "supplierSku", ps.unit_cost::text AS "unitCost", ps.pack_size AS "packSize",
       coalesce(ps.safety_days, $2) AS "safetyDays", coalesce(ps.review_days, $3) AS "reviewDays"
  FROM product_supply ps JOIN products p ON p.id = ps.product_id JOIN suppliers s ON s.code = ps.supplier_code
 WHERE ps.product_id = $1`;

/** Suppliers, products' purchasing facts and the purchasing settings row. */
@Injectable()
export class SuppliersRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<Supplier[]> {
    return this.dataSource.query(`${SUPPLIER_SQL} ORDER BY s.name, s.code`) as Promise<Supplier[]>;
  }

  async get(code: string, manager: EntityManager = this.dataSource.manager): Promise<Supplier | undefined> {
    const rows = (await manager.query(`${SUPPLIER_SQL} WHERE s.code = $1`, [code])) as Supplier[];
    return rows[0];
  }

  async lock(tx: EntityManager, code: string): Promise<Supplier | undefined> {
    const rows = (await tx.query(
      `SELECT code, name, email, lead_time_days AS "leadTimeDays", version FROM suppliers WHERE code = $1 FOR UPDATE`,
      [code],
    )) as Supplier[];
    return rows[0];
  }

  /** False when the code is taken. */
  async insert(tx: EntityManager, supplier: Omit<Supplier, 'productCount' | 'version'>): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO suppliers (code, name, email, lead_time_days) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [supplier.code, supplier.name, supplier.email, supplier.leadTimeDays],
    )) as unknown[];
    return rows.length > 0;
  }

  async update(
    tx: EntityManager,
    code: string,
    fields: { name: string; email: string; leadTimeDays: number },
  ): Promise<void> {
    await tx.query(
      `UPDATE suppliers SET name = $2, email = $3, lead_time_days = $4, version = version + 1, updated_at = now()
        WHERE code = $1`,
      [code, fields.name, fields.email, fields.leadTimeDays],
    );
  }

  async supply(
    productId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProductSupply | undefined> {
    const rows = (await manager.query(SUPPLY_SQL, [
      productId,
      DEFAULT_SAFETY_DAYS,
      DEFAULT_REVIEW_DAYS,
    ])) as ProductSupply[];
    return rows[0];
  }

  async productExists(manager: EntityManager, productId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM products WHERE id = $1`, [productId])) as unknown[];
    return rows.length > 0;
  }

  async upsertSupply(
    tx: EntityManager,
    productId: string,
    body: {
      supplierCode: string;
      supplierSku: string;
      unitCost: string;
      packSize: number;
      safetyDays: number | null;
      reviewDays: number | null;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO product_supply (product_id, supplier_code, supplier_sku, unit_cost, pack_size, safety_days, review_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (product_id) DO UPDATE SET supplier_code = excluded.supplier_code, supplier_sku = excluded.supplier_sku,
         unit_cost = excluded.unit_cost, pack_size = excluded.pack_size, safety_days = excluded.safety_days,
         review_days = excluded.review_days`,
      [
        productId,
        body.supplierCode,
        body.supplierSku,
        body.unitCost,
        body.packSize,
        body.safetyDays,
        body.reviewDays,
      ],
    );
  }

  /** The receipt tolerance as stored ("0.050"): read exactly, never as a float. */
  async tolerance(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = (await manager.query(
      `SELECT receipt_tolerance::text AS tolerance FROM purchasing_settings WHERE id`,
    )) as { tolerance: string }[];
    return row?.tolerance ?? '0';
  }

  async setTolerance(tx: EntityManager, tolerance: string): Promise<void> {
    await tx.query(
      `INSERT INTO purchasing_settings (id, receipt_tolerance) VALUES (true, $1)
       ON CONFLICT (id) DO UPDATE SET receipt_tolerance = excluded.receipt_tolerance`,
      [tolerance],
    );
  }
}
