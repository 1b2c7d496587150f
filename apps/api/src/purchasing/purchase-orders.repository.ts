import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A draft line as stored: the unit cost already decided. */
export interface NewPurchaseLine {
  productId: string;
  warehouseCode: string;
  quantity: number;
  unitCost: string;
  expectedDate: string | null;
}

/** Purchase orders' rows: numbering, lines, events, receipts. */
@Injectable()
export class PurchaseOrdersRepository {
  /** Inserts a draft numbered from purchase_order_number_seq, with its `created` event. */
  async insertDraft(
    tx: EntityManager,
    order: { supplierCode: string; notes: string | null; createdBy: string | null; lines: NewPurchaseLine[] },
  ): Promise<{ id: string; number: string }> {
    const [row] = (await tx.query(
      `WITH n AS (SELECT nextval('purchase_order_number_seq') AS n)
       INSERT INTO purchase_orders (number, supplier_code, status, notes, created_by)
       SELECT 'PO-' || lpad(n::text, greatest(6, length(n::text)), '0'), $1, 'draft', $2, $3 FROM n
       RETURNING id, number`,
      [order.supplierCode, order.notes, order.createdBy],
    )) as { id: string; number: string }[];
    if (!row) throw new Error('Inserting a purchase order returned nothing');
    await this.insertLines(tx, row.id, order.lines);
    await this.event(tx, row.id, order.createdBy, 'created', null, null);
    return row;
  }

  async insertLines(tx: EntityManager, purchaseOrderId: string, lines: NewPurchaseLine[]): Promise<void> {
    if (lines.length === 0) return;
    await tx.query(
      `INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, warehouse_code, quantity, unit_cost, expected_date)
       SELECT $1, l.ord, l.product_id, l.warehouse_code, l.quantity, l.unit_cost, l.expected_date
         FROM unnest($2::uuid[], $3::text[], $4::int[], $5::numeric[], $6::date[])
              WITH ORDINALITY AS l(product_id, warehouse_code, quantity, unit_cost, expected_date, ord)`,
      [
        purchaseOrderId,
        lines.map((l) => l.productId),
        lines.map((l) => l.warehouseCode),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitCost),
        lines.map((l) => l.expectedDate),
      ],
    );
  }

  async event(
    tx: EntityManager,
    purchaseOrderId: string,
    actorId: string | null,
    kind: string,
    reason: string | null,
    data: Record<string, unknown> | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO purchase_order_events (purchase_order_id, actor_id, kind, reason, data) VALUES ($1, $2, $3, $4, $5)`,
      [purchaseOrderId, actorId, kind, reason, data === null ? null : JSON.stringify(data)],
    );
  }

  /** What draft lines need checked: which products and warehouses exist, and the products' supply cost. */
  async lineReferences(
    manager: EntityManager,
    productIds: string[],
    warehouseCodes: string[],
  ): Promise<{ products: Map<string, string | null>; warehouses: Set<string> }> {
    const products = (await manager.query(
      `SELECT p.id, s.unit_cost AS "unitCost" FROM products p LEFT JOIN product_supply s ON s.product_id = p.id
        WHERE p.id = ANY($1::uuid[])`,
      [productIds],
    )) as { id: string; unitCost: string | null }[];
    const warehouses = (await manager.query(`SELECT code FROM warehouses WHERE code = ANY($1::text[])`, [
      warehouseCodes,
    ])) as { code: string }[];
    return {
      products: new Map(products.map((p) => [p.id, p.unitCost])),
      warehouses: new Set(warehouses.map((w) => w.code)),
    };
  }

  async supplierExists(manager: EntityManager, code: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM suppliers WHERE code = $1`, [code])) as unknown[];
    return rows.length > 0;
  }
}
