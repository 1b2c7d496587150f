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
 * Picks per product at a warehouse: shipment lines of the last 90 days.
 * Served by shipments_shipped_at_idx (the window), then primary keys.
 */
const PICKS_SQL = `
WITH picks AS (
  SELECT l.product_id, count(*)::int AS picks
    FROM shipments s
    JOIN orders o ON o.id = s.order_id
    JOIN shipment_lines sl ON sl.shipment_id = s.id
    JOIN order_lines l ON l.id = sl.order_line_id
   WHERE s.shipped_at >= now() - interval '90 days' AND o.warehouse_code = $1
   GROUP BY l.product_id
)
SELECT p.id AS "productId", p.sku, p.name, st.bin_location AS bin, k.picks
  FROM picks k JOIN products p ON p.id = k.product_id
  LEFT JOIN stock st ON st.product_id = k.product_id AND st.warehouse_code = $1`;

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
