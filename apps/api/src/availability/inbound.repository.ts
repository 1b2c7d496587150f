import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Inbound, InboundStatus } from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import { InboundEntity } from './inbound.entity';

export interface InboundFilter {
  productId?: string;
  warehouseCode?: string;
  status?: InboundStatus;
}

const INBOUND_SQL = `
SELECT i.id, i.product_id AS "productId", p.sku, p.name, i.warehouse_code AS "warehouseCode",
       i.qty, i.allocated, i.expected_date::text AS "expectedDate", i.status,
       i.received_at AS "receivedAt", i.version,
       po.id AS "purchaseOrderId", po.number AS "purchaseOrderNumber", count(*) OVER () AS total
  FROM inbound i JOIN products p ON p.id = i.product_id
  LEFT JOIN purchase_order_lines pol ON pol.id = i.purchase_order_line_id
  LEFT JOIN purchase_orders po ON po.id = pol.purchase_order_id`;

type InboundRow = Omit<Inbound, 'receivedAt'> & { receivedAt: Date | null; total: string };

@Injectable()
export class InboundRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Open receipts first by expected date; received and cancelled ones after, newest first. */
  async list(filter: InboundFilter, page: PageRequest): Promise<[Inbound[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.productId) where.push(`i.product_id = ${param(filter.productId)}::uuid`);
    if (filter.warehouseCode) where.push(`i.warehouse_code = ${param(filter.warehouseCode)}`);
    if (filter.status) where.push(`i.status = ${param(filter.status)}`);
    const sql = `${INBOUND_SQL} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY (i.status = 'expected') DESC,
               CASE WHEN i.status = 'expected' THEN i.expected_date END ASC,
               i.expected_date DESC, p.sku, i.id
      LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`;
    const rows = (await this.dataSource.query(sql, params)) as InboundRow[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(toInbound), rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Inbound | undefined> {
    const rows = (await manager.query(`${INBOUND_SQL} WHERE i.id = $1`, [id])) as InboundRow[];
    return rows[0] ? toInbound(rows[0]) : undefined;
  }

  find(manager: EntityManager, id: string): Promise<InboundEntity | null> {
    return manager.getRepository(InboundEntity).findOneBy({ id });
  }

  lock(tx: EntityManager, id: string): Promise<InboundEntity | null> {
    return tx.getRepository(InboundEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(
    tx: EntityManager,
    fields: Pick<InboundEntity, 'productId' | 'warehouseCode' | 'qty' | 'expectedDate'> &
      Partial<Pick<InboundEntity, 'purchaseOrderLineId' | 'allocated'>>,
  ): Promise<string> {
    const result = await tx
      .getRepository(InboundEntity)
      .insert({ allocated: 0, ...fields, status: 'expected' });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Applies the fields and bumps the version (the ETag). */
  async update(
    tx: EntityManager,
    id: string,
    fields: Partial<Pick<InboundEntity, 'qty' | 'allocated' | 'expectedDate' | 'status' | 'receivedAt'>>,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(InboundEntity)
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  async purchaseOrderNumber(manager: EntityManager, purchaseOrderLineId: string): Promise<string> {
    const [row] = (await manager.query(
      `SELECT po.number FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.purchase_order_id
        WHERE l.id = $1`,
      [purchaseOrderLineId],
    )) as { number: string }[];
    return row?.number ?? 'unknown';
  }

  async references(
    productId: string,
    warehouseCode: string,
  ): Promise<{ product: boolean; warehouse: boolean }> {
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM products WHERE id = $1) AS product,
              EXISTS (SELECT 1 FROM warehouses WHERE code = $2) AS warehouse`,
      [productId, warehouseCode],
    )) as { product: boolean; warehouse: boolean }[];
    return row ?? { product: false, warehouse: false };
  }
}

function toInbound(row: InboundRow): Inbound {
  const { total: _total, ...inbound } = row;
  return { ...inbound, receivedAt: row.receivedAt ? new Date(row.receivedAt).toISOString() : null };
}
