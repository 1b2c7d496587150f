import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

/** A purchase line due in the period, with its receipts (days in its warehouse's time zone). */
export interface SupplierPerformanceSqlLine {
  supplierCode: string;
  expectedDate: string;
  quantity: number;
  open: number;
  receipts: { on: string; qty: number }[];
}

/**
 * The inputs of supplier performance (libs/domain
 * purchasing/supplier-performance.ts counts them): every supplier, and the
 * lines of purchase orders that were sent (sent, partly received, received,
 * closed short) whose expected date lies in the period, each with its
 * receipts. Drafts and cancelled orders were never due.
 */
@Injectable()
export class SupplierPerformanceRepository {
  constructor(@Inject(REPORTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  suppliers(): Promise<{ code: string; name: string }[]> {
    return this.dataSource.query(`SELECT code, name FROM suppliers ORDER BY name, code`) as Promise<
      { code: string; name: string }[]
    >;
  }

  lines(from: string, to: string): Promise<SupplierPerformanceSqlLine[]> {
    return this.dataSource.query(
      `SELECT po.supplier_code AS "supplierCode", to_char(l.expected_date, 'YYYY-MM-DD') AS "expectedDate",
              l.quantity, greatest(l.quantity - l.received - l.closed, 0) AS open,
              coalesce((SELECT json_agg(json_build_object(
                                 'on', to_char((r.received_at AT TIME ZONE w.time_zone)::date, 'YYYY-MM-DD'),
                                 'qty', r.quantity) ORDER BY r.received_at)
                          FROM purchase_receipts r WHERE r.purchase_order_line_id = l.id), '[]'::json) AS receipts
         FROM purchase_order_lines l
         JOIN purchase_orders po ON po.id = l.purchase_order_id
         JOIN warehouses w ON w.code = l.warehouse_code
        WHERE po.status IN ('sent', 'partially_received', 'received', 'closed')
          AND l.expected_date BETWEEN $1::date AND $2::date`,
      [from, to],
    ) as Promise<SupplierPerformanceSqlLine[]>;
  }

  async holidays(): Promise<Set<string>> {
    const rows = (await this.dataSource.query(`SELECT date::text AS date FROM holidays`)) as {
      date: string;
    }[];
    return new Set(rows.map((row) => row.date));
  }
}
