import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  PurchaseOrderEvent,
  PurchaseOrderLine,
  PurchaseOrderStatus,
  PurchaseOrderSummary,
} from '@tradecounter/contracts';
import { escapeLikePattern } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, type SortOrder } from '../common/http/sort';

/** A draft line as stored: the unit cost already decided. */
export interface NewPurchaseLine {
  productId: string;
  warehouseCode: string;
  quantity: number;
  unitCost: string;
  expectedDate: string | null;
}

/** Purchase orders' rows: numbering, lines, events, receipts. */
export interface PurchaseOrderFilter {
  status?: PurchaseOrderStatus;
  supplierCode?: string;
  warehouseCode?: string;
  productId?: string;
  search?: string;
}

/** Sortable columns of the list (see PurchaseOrdersService's SortSpec). */
export const PURCHASE_ORDER_SUMMARY_SQL = `
SELECT po.id, po.number, po.supplier_code AS "supplierCode", s.name AS "supplierName", po.status,
       po.created_at AS "createdAt", po.sent_at AS "sentAt", t.expected_date::text AS "expectedDate",
       (po.status IN ('sent', 'partially_received') AND t.expected_date < current_date) AS overdue,
       t.line_count AS "lineCount", t.units, t.received, t.total, count(*) OVER () AS "totalRows"
  FROM purchase_orders po JOIN suppliers s ON s.code = po.supplier_code
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS line_count, coalesce(sum(l.quantity), 0)::int AS units,
           coalesce(sum(l.received), 0)::int AS received,
           coalesce(sum(l.quantity * l.unit_cost), 0)::text AS total,
           min(l.expected_date) FILTER (WHERE l.quantity - l.received - l.closed > 0) AS expected_date
      FROM purchase_order_lines l WHERE l.purchase_order_id = po.id
  ) t`;

const LINES_SQL = `
SELECT l.id, l.line_no AS "lineNo", l.product_id AS "productId", p.sku, p.name,
       CASE WHEN ps.supplier_code = po.supplier_code THEN ps.supplier_sku END AS "supplierSku",
       l.warehouse_code AS "warehouseCode", l.quantity, l.received, l.closed,
       greatest(0, l.quantity - l.received - l.closed) AS open,
       coalesce((SELECT i.allocated FROM inbound i WHERE i.id = l.inbound_id AND i.status = 'expected'), 0) AS allocated,
       l.unit_cost::text AS "unitCost", (l.quantity * l.unit_cost)::text AS "lineTotal",
       l.expected_date::text AS "expectedDate"
  FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.purchase_order_id
  JOIN products p ON p.id = l.product_id LEFT JOIN product_supply ps ON ps.product_id = l.product_id
 WHERE l.purchase_order_id = $1 ORDER BY l.line_no`;

const EVENTS_SQL = `
SELECT e.at, CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS by,
       e.kind, e.reason, e.data
  FROM purchase_order_events e LEFT JOIN users u ON u.id = e.actor_id
 WHERE e.purchase_order_id = $1 ORDER BY e.at, e.id`;

type SummaryRow = Omit<PurchaseOrderSummary, 'createdAt' | 'sentAt'> & {
  createdAt: Date;
  sentAt: Date | null;
  totalRows: string;
};

/** A purchase line as read, its expected date null on drafts that leave it to the lead time. */
export type PurchaseLineRow = Omit<PurchaseOrderLine, 'expectedDate'> & { expectedDate: string | null };

@Injectable()
export class PurchaseOrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    filter: PurchaseOrderFilter,
    order: SortOrder,
    page: PageRequest,
  ): Promise<[PurchaseOrderSummary[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.status) where.push(`po.status = ${param(filter.status)}`);
    if (filter.supplierCode) where.push(`po.supplier_code = ${param(filter.supplierCode)}`);
    if (filter.warehouseCode) {
      where.push(`EXISTS (SELECT 1 FROM purchase_order_lines w WHERE w.purchase_order_id = po.id
                   AND w.warehouse_code = ${param(filter.warehouseCode)})`);
    }
    if (filter.productId) {
      where.push(`EXISTS (SELECT 1 FROM purchase_order_lines w WHERE w.purchase_order_id = po.id
                   AND w.product_id = ${param(filter.productId)}::uuid)`);
    }
    if (filter.search?.trim()) {
      const like = param(`%${escapeLikePattern(filter.search.trim())}%`);
      where.push(`(po.number ILIKE ${like} OR s.name ILIKE ${like} OR s.code ILIKE ${like}
                   OR EXISTS (SELECT 1 FROM purchase_order_lines w JOIN products wp ON wp.id = w.product_id
                               WHERE w.purchase_order_id = po.id AND wp.sku ILIKE ${like}))`);
    }
    const sql = `${PURCHASE_ORDER_SUMMARY_SQL} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ${orderByClause(order)} LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`;
    const rows = (await this.dataSource.query(sql, params)) as SummaryRow[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, order, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(toSummary), rows.length === 0 ? 0 : Number(rows[0]?.totalRows)];
  }

  async summary(manager: EntityManager, id: string): Promise<PurchaseOrderSummary | undefined> {
    const rows = (await manager.query(`${PURCHASE_ORDER_SUMMARY_SQL} WHERE po.id = $1`, [
      id,
    ])) as SummaryRow[];
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  async header(
    manager: EntityManager,
    id: string,
  ): Promise<
    | {
        id: string;
        number: string;
        supplierCode: string;
        supplierName: string;
        supplierEmail: string;
        leadTimeDays: number;
        status: PurchaseOrderStatus;
        notes: string | null;
        createdAt: Date;
        sentAt: Date | null;
        version: number;
      }
    | undefined
  > {
    const rows = (await manager.query(
      `SELECT po.id, po.number, po.supplier_code AS "supplierCode", s.name AS "supplierName",
              s.email AS "supplierEmail", s.lead_time_days AS "leadTimeDays", po.status, po.notes,
              po.created_at AS "createdAt", po.sent_at AS "sentAt", po.version
         FROM purchase_orders po JOIN suppliers s ON s.code = po.supplier_code WHERE po.id = $1`,
      [id],
    )) as {
      id: string;
      number: string;
      supplierCode: string;
      supplierName: string;
      supplierEmail: string;
      leadTimeDays: number;
      status: PurchaseOrderStatus;
      notes: string | null;
      createdAt: Date;
      sentAt: Date | null;
      version: number;
    }[];
    return rows[0];
  }

  lines(manager: EntityManager, id: string): Promise<PurchaseLineRow[]> {
    return manager.query(LINES_SQL, [id]) as Promise<PurchaseLineRow[]>;
  }

  async events(manager: EntityManager, id: string): Promise<PurchaseOrderEvent[]> {
    const rows = (await manager.query(EVENTS_SQL, [id])) as (Omit<PurchaseOrderEvent, 'at'> & { at: Date })[];
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }

  /** Locks the order (every writer of a purchase order starts here, before any stock row). */
  async lock(tx: EntityManager, id: string): Promise<LockedPurchaseOrder | undefined> {
    const rows = (await tx.query(
      `SELECT po.id, po.number, po.supplier_code AS "supplierCode", s.name AS "supplierName",
              s.lead_time_days AS "leadTimeDays", po.status, po.version
         FROM purchase_orders po JOIN suppliers s ON s.code = po.supplier_code
        WHERE po.id = $1 FOR UPDATE OF po`,
      [id],
    )) as LockedPurchaseOrder[];
    return rows[0];
  }

  lockedLines(tx: EntityManager, id: string): Promise<LockedPurchaseLine[]> {
    return tx.query(
      `SELECT l.id, l.line_no AS "lineNo", l.product_id AS "productId", p.sku, l.warehouse_code AS "warehouseCode",
              l.quantity, l.received, l.closed, l.unit_cost::text AS "unitCost",
              l.expected_date::text AS "expectedDate", l.inbound_id AS "inboundId"
         FROM purchase_order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.purchase_order_id = $1 ORDER BY l.line_no FOR UPDATE OF l`,
      [id],
    ) as Promise<LockedPurchaseLine[]>;
  }

  async setStatus(
    tx: EntityManager,
    id: string,
    status: PurchaseOrderStatus,
    extra: { sent?: boolean; notes?: string | null } = {},
  ): Promise<void> {
    await tx.query(
      `UPDATE purchase_orders SET status = $2, version = version + 1, updated_at = now(),
              sent_at = CASE WHEN $3 THEN now() ELSE sent_at END,
              notes = CASE WHEN $4 THEN $5 ELSE notes END
        WHERE id = $1`,
      [id, status, extra.sent === true, extra.notes !== undefined, extra.notes ?? null],
    );
  }

  async updateLine(
    tx: EntityManager,
    lineId: string,
    fields: { received?: number; closed?: number; expectedDate?: string; inboundId?: string | null },
  ): Promise<void> {
    await tx.query(
      `UPDATE purchase_order_lines SET
          received = coalesce($2, received), closed = coalesce($3, closed),
          expected_date = coalesce($4::date, expected_date),
          inbound_id = CASE WHEN $5 THEN $6::uuid ELSE inbound_id END
        WHERE id = $1`,
      [
        lineId,
        fields.received ?? null,
        fields.closed ?? null,
        fields.expectedDate ?? null,
        fields.inboundId !== undefined,
        fields.inboundId ?? null,
      ],
    );
  }

  async deleteLines(tx: EntityManager, purchaseOrderId: string): Promise<void> {
    await tx.query(`DELETE FROM purchase_order_lines WHERE purchase_order_id = $1`, [purchaseOrderId]);
  }

  async insertReceipt(
    tx: EntityManager,
    lineId: string,
    quantity: number,
    actorId: string,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO purchase_receipts (purchase_order_line_id, quantity, received_at, actor_id) VALUES ($1, $2, $3, $4)`,
      [lineId, quantity, at, actorId],
    );
  }

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

/** A purchase order's row as its writers need it, locked. */
export interface LockedPurchaseOrder {
  id: string;
  number: string;
  supplierCode: string;
  supplierName: string;
  leadTimeDays: number;
  status: PurchaseOrderStatus;
  version: number;
}

/** A purchase line as its writers need it, locked. */
export interface LockedPurchaseLine {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  warehouseCode: string;
  quantity: number;
  received: number;
  closed: number;
  unitCost: string;
  expectedDate: string | null;
  inboundId: string | null;
}

function toSummary(row: SummaryRow): PurchaseOrderSummary {
  const { totalRows: _totalRows, ...summary } = row;
  return {
    ...summary,
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
  };
}
