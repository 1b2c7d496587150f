import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PickCountRow {
  productId: string;
  sku: string;
  name: string;
  bin: string | null;
  picks: number;
}

/**
 * Picks per product at a warehouse: shipment lines of the last 90 days,
 * summed from picks_by_day (a primary-key range: at most products × 90 rows).
 */
const PICKS_SQL = `
WITH picks AS (
  SELECT k.product_id, sum(k.picks)::int AS picks
    FROM picks_by_day k
   WHERE k.warehouse_code = $1 AND k.day > (now() AT TIME ZONE 'UTC')::date - 90
   GROUP BY k.product_id
)
SELECT p.id AS "productId", p.sku, p.name, st.bin_location AS bin, k.picks
  FROM picks k JOIN products p ON p.id = k.product_id
  LEFT JOIN stock st ON st.product_id = k.product_id AND st.warehouse_code = $1
 WHERE k.picks > 0`;

@Injectable()
export class VelocityRepository {
  constructor(private readonly dataSource: DataSource) {}

  picks(warehouseCode: string): Promise<PickCountRow[]> {
    return this.dataSource.query(PICKS_SQL, [warehouseCode]) as Promise<PickCountRow[]>;
  }

  /** Bins recorded at the warehouse, counted per aisle (a bin's first segment). */
  async binsByAisle(warehouseCode: string): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT split_part(bin_location, '-', 1) AS aisle, count(*)::int AS bins
         FROM stock WHERE warehouse_code = $1 AND bin_location IS NOT NULL AND bin_location <> ''
        GROUP BY 1`,
      [warehouseCode],
    )) as { aisle: string; bins: number }[];
    return new Map(rows.map((row) => [row.aisle, row.bins]));
  }

  async warehouseExists(code: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM warehouses WHERE code = $1', [
      code,
    ])) as unknown[];
    return rows.length > 0;
  }
}
