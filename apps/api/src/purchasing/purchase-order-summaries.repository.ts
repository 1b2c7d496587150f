import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PurchaseOrderSummary } from '@tradecounter/contracts';

/** The list rows of the purchase orders just drafted, in the order of the ids given. */
@Injectable()
export class PurchaseOrderSummariesRepository {
  async of(manager: EntityManager, ids: string[]): Promise<PurchaseOrderSummary[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(
      `SELECT po.id, po.number, po.supplier_code AS "supplierCode", s.name AS "supplierName", po.status,
              po.created_at AS "createdAt", po.sent_at AS "sentAt",
              to_char(min(l.expected_date) FILTER (WHERE l.quantity - l.received - l.closed > 0), 'YYYY-MM-DD')
                AS "expectedDate",
              coalesce(bool_or(po.status IN ('sent', 'partially_received') AND l.quantity - l.received - l.closed > 0
                               AND l.expected_date < current_date), false) AS overdue,
              count(l.id)::int AS "lineCount", coalesce(sum(l.quantity), 0)::int AS units,
              coalesce(sum(l.received), 0)::int AS received,
              coalesce(sum(l.quantity * l.unit_cost), 0)::numeric(14, 2)::text AS total
         FROM purchase_orders po
         JOIN suppliers s ON s.code = po.supplier_code
         LEFT JOIN purchase_order_lines l ON l.purchase_order_id = po.id
        WHERE po.id = ANY($1::uuid[])
        GROUP BY po.id, s.name
        ORDER BY array_position($1::uuid[], po.id)`,
      [ids],
    )) as (Omit<PurchaseOrderSummary, 'createdAt' | 'sentAt'> & { createdAt: Date; sentAt: Date | null })[];
    return rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt === null ? null : row.sentAt.toISOString(),
    }));
  }
}
