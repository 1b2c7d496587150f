import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsoDate, OrderStatus, WaveStatus, WaveSummary } from '@tradecounter/contracts';
import type { WaveUnit } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { SHIP_BY_SQL } from './ship-by.sql';

/** An order named for a wave, locked, as the wave's rules need it. */
export interface WaveCandidate {
  id: string;
  number: string;
  status: OrderStatus;
  warehouseCode: string;
  /** The open wave it is already in, if any. */
  openWave: string | null;
}

export interface WaveHeader {
  id: string;
  number: string;
  warehouseCode: string;
  status: WaveStatus;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  closedAt: Date | null;
}

export interface WaveOrderRow {
  orderId: string;
  orderNumber: string;
  accountName: string;
  status: OrderStatus;
  shipBy: IsoDate | null;
}

const WAVE_SQL = `
SELECT w.id, w.number, w.warehouse_code AS "warehouseCode", w.status, w.created_at AS "createdAt",
       w.closed_at AS "closedAt",
       CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS "createdBy"
  FROM waves w LEFT JOIN users u ON u.id = w.created_by
 WHERE w.id = $1`;

const WAVE_ORDERS_SQL = `
SELECT o.id AS "orderId", o.number AS "orderNumber", a.name AS "accountName", o.status,
       ${SHIP_BY_SQL('o')} AS "shipBy"
  FROM wave_orders wo JOIN orders o ON o.id = wo.order_id JOIN accounts a ON a.id = o.account_id
 WHERE wo.wave_id = $1
 ORDER BY o.number`;

/** Units to pick per order line of the wave (reserved, unshipped), with the bin and what was short here. */
const WAVE_UNITS_SQL = `
SELECT o.id AS "orderId", o.number AS "orderNumber", l.id AS "orderLineId", l.line_no AS "lineNo",
       l.product_id AS "productId", l.sku, l.name, s.bin_location AS bin,
       CASE WHEN o.status IN ('confirmed', 'picking', 'partially_shipped')
            THEN least(l.reserved_qty, l.quantity - l.shipped_qty) ELSE 0 END::int AS quantity,
       coalesce((SELECT sum(sp.quantity) FROM short_picks sp
                  WHERE sp.wave_id = wo.wave_id AND sp.order_line_id = l.id), 0)::int AS short
  FROM wave_orders wo
  JOIN orders o ON o.id = wo.order_id
  JOIN order_lines l ON l.order_id = o.id
  LEFT JOIN stock s ON s.product_id = l.product_id AND s.warehouse_code = o.warehouse_code
 WHERE wo.wave_id = $1`;

const SUMMARIES_SQL = `
SELECT w.id, w.number, w.warehouse_code AS "warehouseCode", w.status, w.created_at AS "createdAt",
       (SELECT count(*)::int FROM wave_orders wo WHERE wo.wave_id = w.id) AS "orderCount",
       (SELECT coalesce(sum(least(l.reserved_qty, l.quantity - l.shipped_qty)), 0)::int
          FROM wave_orders wo JOIN orders o ON o.id = wo.order_id JOIN order_lines l ON l.order_id = o.id
         WHERE wo.wave_id = w.id AND o.status IN ('confirmed', 'picking', 'partially_shipped')) AS units,
       count(*) OVER () AS total
  FROM waves w
 WHERE ($1::text IS NULL OR w.warehouse_code = $1) AND ($2::text IS NULL OR w.status = $2)
 ORDER BY w.created_at DESC, w.id DESC
 LIMIT $3 OFFSET $4`;

@Injectable()
export class WavesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The orders, locked in id order (the order every wave follows, so two waves cannot deadlock). */
  lockCandidates(tx: EntityManager, orderIds: string[]): Promise<WaveCandidate[]> {
    return tx.query(
      `SELECT o.id, o.number, o.status, o.warehouse_code AS "warehouseCode",
              (SELECT w.number FROM wave_orders wo JOIN waves w ON w.id = wo.wave_id
                WHERE wo.order_id = o.id AND wo.open LIMIT 1) AS "openWave"
         FROM orders o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id FOR NO KEY UPDATE OF o`,
      [orderIds],
    ) as Promise<WaveCandidate[]>;
  }

  async insert(
    tx: EntityManager,
    warehouseCode: string,
    createdBy: string,
    orderIds: string[],
  ): Promise<{ id: string; number: string }> {
    const [wave] = (await tx.query(
      `INSERT INTO waves (number, warehouse_code, created_by)
       VALUES ('W-' || lpad(nextval('wave_number_seq')::text, 6, '0'), $1, $2) RETURNING id, number`,
      [warehouseCode, createdBy],
    )) as { id: string; number: string }[];
    if (!wave) throw new Error('INSERT INTO waves returned nothing');
    await tx.query(`INSERT INTO wave_orders (wave_id, order_id, open) SELECT $1, unnest($2::uuid[]), true`, [
      wave.id,
      orderIds,
    ]);
    return wave;
  }

  async header(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WaveHeader | undefined> {
    const [row] = (await manager.query(WAVE_SQL, [id])) as WaveHeader[];
    return row;
  }

  orders(id: string): Promise<WaveOrderRow[]> {
    return this.dataSource.query(WAVE_ORDERS_SQL, [id]) as Promise<WaveOrderRow[]>;
  }

  units(id: string): Promise<WaveUnit[]> {
    return this.dataSource.query(WAVE_UNITS_SQL, [id]) as Promise<WaveUnit[]>;
  }

  async summaries(
    filter: { warehouseCode?: string; status?: WaveStatus },
    page: PageRequest,
  ): Promise<[WaveSummary[], number]> {
    const rows = (await this.dataSource.query(SUMMARIES_SQL, [
      filter.warehouseCode ?? null,
      filter.status ?? null,
      page.pageSize,
      page.offset,
    ])) as (Omit<WaveSummary, 'createdAt'> & { createdAt: Date; total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.summaries(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [
      rows.map(({ total: _total, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
      rows.length === 0 ? 0 : Number(rows[0]?.total),
    ];
  }

  /** The wave, locked; undefined when there is none. */
  async lock(
    tx: EntityManager,
    id: string,
  ): Promise<{ id: string; number: string; status: WaveStatus; warehouseCode: string } | undefined> {
    const [row] = (await tx.query(
      `SELECT id, number, status, warehouse_code AS "warehouseCode" FROM waves WHERE id = $1 FOR UPDATE`,
      [id],
    )) as { id: string; number: string; status: WaveStatus; warehouseCode: string }[];
    return row;
  }

  async close(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `UPDATE waves SET status = 'closed', closed_at = now() WHERE id = $1 AND status = 'open'`,
      [id],
    );
    await tx.query('UPDATE wave_orders SET open = false WHERE wave_id = $1', [id]);
  }

  async isMember(tx: EntityManager, waveId: string, orderId: string): Promise<boolean> {
    const rows = (await tx.query('SELECT 1 FROM wave_orders WHERE wave_id = $1 AND order_id = $2', [
      waveId,
      orderId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async insertShortPick(
    tx: EntityManager,
    pick: { waveId: string; orderLineId: string; quantity: number; reason: string; actorId: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO short_picks (wave_id, order_line_id, quantity, reason, actor_id) VALUES ($1, $2, $3, $4, $5)`,
      [pick.waveId, pick.orderLineId, pick.quantity, pick.reason, pick.actorId],
    );
  }
}
