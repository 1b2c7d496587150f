import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ReturnCondition,
  ReturnFees,
  ReturnReason,
  ReturnResolution,
  ReturnStatus,
} from '@tradecounter/contracts';
import {
  type AccountScope,
  formatCreditNoteNumber,
  formatFeePercent,
  formatReturnNumber,
} from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';

/** The order a return is asked against, with what returning and replacing need. */
export interface ReturnOrderRow {
  id: string;
  number: string;
  accountId: string;
  accountManagerId: string | null;
  status: string;
  warehouseCode: string;
  shippingAddressId: string | null;
}

/** One order line with what deciding its returnable quantity needs. */
export interface ReturnableLineRow {
  orderLineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unitPrice: string;
  delivered: number;
  deliveredAt: Date | null;
  alreadyReturned: number;
  productWindowDays: number | null;
}

export interface ReturnRow {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  accountManagerId: string | null;
  status: ReturnStatus;
  openedBy: 'customer' | 'staff';
  requestedBy: string | null;
  requesterName: string | null;
  feeWaived: boolean;
  feeWaivedReason: string | null;
  rejectionReason: string | null;
  creditedTotal: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReturnLineRow {
  id: string;
  returnId: string;
  lineNo: number;
  orderLineId: string;
  orderLineNo: number;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  reason: ReturnReason;
  note: string | null;
  resolution: ReturnResolution;
  unitPrice: string;
  feePercent: string;
  received: number;
  restocked: number;
  scrapped: number;
  credited: number;
  replacementOrderId: string | null;
  replacementOrderNumber: string | null;
}

export interface ReturnEventRow {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  kind: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface NewReturnLine {
  orderLineId: string;
  productId: string;
  quantity: number;
  reason: ReturnReason;
  note: string | null;
  resolution: ReturnResolution;
  unitPrice: string;
  feePercent: string;
}

export interface NewReturnEvent {
  actorId: string | null;
  kind: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus | null;
  reason: string | null;
  data?: Record<string, unknown> | null;
  /**
   * Also published (webhooks), as an after-sales event of the returned
   * order in the same transaction: `return_created` (return.created),
   * `return_status` (return.status_changed), `credit_note` (credit_note.created).
   */
  outbox?: 'return_created' | 'return_status' | 'credit_note';
}

const OUTBOX_TOPICS = {
  return_created: 'return.created',
  return_status: 'return.status_changed',
  credit_note: 'credit_note.created',
} as const;

export interface ReturnFilter {
  scope: AccountScope;
  status?: ReturnStatus;
  accountId?: string;
  orderId?: string;
}

const RETURN_SELECT = `
SELECT r.id, r.number, r.order_id AS "orderId", o.number AS "orderNumber", r.account_id AS "accountId",
       a.code AS "accountCode", a.name AS "accountName", a.account_manager_id AS "accountManagerId",
       r.status, r.opened_by AS "openedBy", r.requested_by AS "requestedBy", u.name AS "requesterName",
       r.fee_waived AS "feeWaived", r.fee_waived_reason AS "feeWaivedReason",
       r.rejection_reason AS "rejectionReason",
       (SELECT coalesce(sum(c.total), 0)::text FROM credit_notes c WHERE c.return_id = r.id) AS "creditedTotal",
       r.created_at AS "createdAt", r.updated_at AS "updatedAt"
  FROM returns r
  JOIN orders o ON o.id = r.order_id
  JOIN accounts a ON a.id = r.account_id
  LEFT JOIN users u ON u.id = r.requested_by`;

const LINE_SELECT = `
SELECT rl.id, rl.return_id AS "returnId", rl.line_no AS "lineNo", rl.order_line_id AS "orderLineId",
       ol.line_no AS "orderLineNo", rl.product_id AS "productId", ol.sku, ol.name, rl.quantity, rl.reason,
       rl.note, rl.resolution, rl.unit_price::text AS "unitPrice", rl.fee_percent::text AS "feePercent",
       rl.received, rl.restocked, rl.scrapped, rl.credited,
       rl.replacement_order_id AS "replacementOrderId", ro.number AS "replacementOrderNumber"
  FROM return_lines rl
  JOIN order_lines ol ON ol.id = rl.order_line_id
  LEFT JOIN orders ro ON ro.id = rl.replacement_order_id`;

/** Returns, their lines, events, photos and settings: the queries of the returns context. */
@Injectable()
export class ReturnsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async settings(manager: EntityManager = this.dataSource.manager): Promise<{
    fees: Record<ReturnReason, string>;
    defaultWindowDays: number;
  }> {
    const fees = (await manager.query(`SELECT reason, percent::text AS percent FROM return_fees`)) as {
      reason: ReturnReason;
      percent: string;
    }[];
    const [settings] = (await manager.query(
      `SELECT default_window_days AS "defaultWindowDays" FROM return_settings WHERE id`,
    )) as { defaultWindowDays: number }[];
    // Canonical percentages ("10", "12.5"), as the contract shows them.
    const byReason = Object.fromEntries(
      fees.map((fee) => [fee.reason, formatFeePercent(fee.percent)]),
    ) as ReturnFees;
    return { fees: byReason, defaultWindowDays: settings?.defaultWindowDays ?? 30 };
  }

  async saveSettings(tx: EntityManager, fees: Partial<ReturnFees>, defaultWindowDays: number): Promise<void> {
    for (const [reason, percent] of Object.entries(fees)) {
      await tx.query(
        `INSERT INTO return_fees (reason, percent) VALUES ($1, $2::numeric)
         ON CONFLICT (reason) DO UPDATE SET percent = EXCLUDED.percent`,
        [reason, percent],
      );
    }
    await tx.query(
      `INSERT INTO return_settings (id, default_window_days) VALUES (true, $1)
       ON CONFLICT (id) DO UPDATE SET default_window_days = EXCLUDED.default_window_days`,
      [defaultWindowDays],
    );
  }

  /**
   * The order, locked when `lock` (FOR UPDATE): requests for one order wait
   * for one another, so two cannot together return more than was delivered.
   */
  async order(manager: EntityManager, orderId: string, lock: boolean): Promise<ReturnOrderRow | undefined> {
    const rows = (await manager.query(
      `SELECT o.id, o.number, o.account_id AS "accountId", a.account_manager_id AS "accountManagerId",
              o.status, o.warehouse_code AS "warehouseCode", o.shipping_address_id AS "shippingAddressId"
         FROM orders o JOIN accounts a ON a.id = o.account_id
        WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
      [orderId],
    )) as ReturnOrderRow[];
    return rows[0];
  }

  /** Each line of the order: delivered units (shipments delivered), when, and units on returns not rejected. */
  returnableLines(manager: EntityManager, orderId: string): Promise<ReturnableLineRow[]> {
    return manager.query(
      `SELECT l.id AS "orderLineId", l.line_no AS "lineNo", l.product_id AS "productId", l.sku, l.name,
              l.unit_price::text AS "unitPrice",
              coalesce(d.delivered, 0)::int AS delivered, d.delivered_at AS "deliveredAt",
              coalesce((SELECT sum(rl.quantity) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
                         WHERE rl.order_line_id = l.id AND r.status <> 'rejected'), 0)::int AS "alreadyReturned",
              p.return_window_days AS "productWindowDays"
         FROM order_lines l
         JOIN products p ON p.id = l.product_id
         LEFT JOIN LATERAL (
           SELECT sum(sl.quantity) AS delivered, max(s.delivered_at) AS delivered_at
             FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
            WHERE sl.order_line_id = l.id AND s.delivered_at IS NOT NULL) d ON true
        WHERE l.order_id = $1
        ORDER BY l.line_no`,
      [orderId],
    ) as Promise<ReturnableLineRow[]>;
  }

  /** The account's default shipping address, for a replacement of an order that named none. */
  async anyAddress(manager: EntityManager, accountId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT id FROM addresses WHERE account_id = $1 ORDER BY created_at, id LIMIT 1`,
      [accountId],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  async insert(
    tx: EntityManager,
    fields: {
      orderId: string;
      accountId: string;
      status: ReturnStatus;
      openedBy: 'customer' | 'staff';
      requestedBy: string;
      feeWaived: boolean;
      feeWaivedReason: string | null;
      lines: NewReturnLine[];
    },
  ): Promise<{ id: string; number: string }> {
    const [{ n }] = (await tx.query(`SELECT nextval('return_number_seq') AS n`)) as [{ n: string }];
    const number = formatReturnNumber(BigInt(n));
    const [row] = (await tx.query(
      `INSERT INTO returns (number, order_id, account_id, status, opened_by, requested_by, fee_waived, fee_waived_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        number,
        fields.orderId,
        fields.accountId,
        fields.status,
        fields.openedBy,
        fields.requestedBy,
        fields.feeWaived,
        fields.feeWaivedReason,
      ],
    )) as { id: string }[];
    const id = row?.id ?? '';
    await tx.query(
      `INSERT INTO return_lines (return_id, account_id, line_no, order_line_id, product_id, quantity, reason, note,
                                 resolution, unit_price, fee_percent)
       SELECT r.id, r.account_id, v.line_no, v.order_line_id, v.product_id, v.quantity, v.reason, v.note,
              v.resolution, v.unit_price, v.fee_percent
         FROM returns r,
              jsonb_to_recordset($2::jsonb) AS v(line_no int, order_line_id uuid, product_id uuid, quantity int,
              reason text, note text, resolution text, unit_price numeric, fee_percent numeric)
        WHERE r.id = $1`,
      [
        id,
        JSON.stringify(
          fields.lines.map((line, index) => ({
            line_no: index + 1,
            order_line_id: line.orderLineId,
            product_id: line.productId,
            quantity: line.quantity,
            reason: line.reason,
            note: line.note,
            resolution: line.resolution,
            unit_price: line.unitPrice,
            fee_percent: line.feePercent,
          })),
        ),
      ],
    );
    return { id, number };
  }

  /** The return row locked (FOR UPDATE), with its account's manager. */
  async lock(tx: EntityManager, id: string): Promise<ReturnRow | undefined> {
    await tx.query(`SELECT 1 FROM returns WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, tx);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ReturnRow | undefined> {
    const rows = (await manager.query(`${RETURN_SELECT} WHERE r.id = $1`, [id])) as ReturnRow[];
    return rows[0];
  }

  async owner(id: string): Promise<{ accountId: string; accountManagerId: string | null } | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT r.account_id AS "accountId", a.account_manager_id AS "accountManagerId"
         FROM returns r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1`,
      [id],
    )) as { accountId: string; accountManagerId: string | null }[];
    return rows[0];
  }

  linesOf(returnIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ReturnLineRow[]> {
    if (returnIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `${LINE_SELECT} WHERE rl.return_id = ANY($1::uuid[]) ORDER BY rl.return_id, rl.line_no`,
      [returnIds],
    ) as Promise<ReturnLineRow[]>;
  }

  eventsOf(id: string): Promise<ReturnEventRow[]> {
    return this.dataSource.query(
      `SELECT e.at, e.actor_id AS "actorId", u.name AS "actorName", e.kind, e.from_status AS "fromStatus",
              e.to_status AS "toStatus", e.reason, e.data
         FROM return_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.return_id = $1 ORDER BY e.at, e.id`,
      [id],
    ) as Promise<ReturnEventRow[]>;
  }

  photosOf(id: string): Promise<{ id: string; contentType: string }[]> {
    return this.dataSource.query(
      `SELECT id, content_type AS "contentType" FROM return_photos WHERE return_id = $1 ORDER BY created_at, id`,
      [id],
    ) as Promise<{ id: string; contentType: string }[]>;
  }

  creditNotesOf(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; number: string; total: string; issuedAt: Date }[]> {
    return manager.query(
      `SELECT id, number, total::text AS total, issued_at AS "issuedAt"
         FROM credit_notes WHERE return_id = $1 ORDER BY issued_at, number`,
      [id],
    ) as Promise<{ id: string; number: string; total: string; issuedAt: Date }[]>;
  }

  async list(filter: ReturnFilter, page: PageRequest): Promise<[ReturnRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.scope.kind === 'account') where.push(`r.account_id = ${param(filter.scope.accountId)}`);
    if (filter.scope.kind === 'managedBy')
      where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.accountId) where.push(`r.account_id = ${param(filter.accountId)}`);
    if (filter.orderId) where.push(`r.order_id = ${param(filter.orderId)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = (await this.dataSource.query(
      `${RETURN_SELECT.replace('SELECT r.id,', 'SELECT count(*) OVER () AS total, r.id,')} ${clause}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`,
      params,
    )) as (ReturnRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(({ total: _total, ...row }) => row), rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  async update(
    tx: EntityManager,
    id: string,
    fields: {
      status?: ReturnStatus;
      feeWaived?: boolean;
      feeWaivedReason?: string | null;
      rejectionReason?: string | null;
    },
  ): Promise<void> {
    const sets: string[] = ['version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
    if (fields.status !== undefined) set('status', fields.status);
    if (fields.feeWaived !== undefined) set('fee_waived', fields.feeWaived);
    if (fields.feeWaivedReason !== undefined) set('fee_waived_reason', fields.feeWaivedReason);
    if (fields.rejectionReason !== undefined) set('rejection_reason', fields.rejectionReason);
    await tx.query(`UPDATE returns SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async setResolutions(tx: EntityManager, resolutions: { id: string; resolution: ReturnResolution }[]) {
    if (resolutions.length === 0) return;
    await tx.query(
      `UPDATE return_lines rl SET resolution = v.resolution
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, resolution text) WHERE rl.id = v.id`,
      [JSON.stringify(resolutions)],
    );
  }

  /** The fee is waived: no line keeps a fee percentage (credit notes to come take none). */
  async waiveFees(tx: EntityManager, returnId: string): Promise<void> {
    await tx.query(`UPDATE return_lines SET fee_percent = 0 WHERE return_id = $1`, [returnId]);
  }

  /** Adds a receipt's units to a line; the row's CHECK keeps received = restocked + scrapped ≤ quantity. */
  async receiveLine(
    tx: EntityManager,
    lineId: string,
    units: { restocked: number; scrapped: number; credited: number; replacementOrderId?: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE return_lines SET received = received + $2 + $3, restocked = restocked + $2,
              scrapped = scrapped + $3, credited = credited + $4,
              replacement_order_id = coalesce($5, replacement_order_id)
        WHERE id = $1`,
      [lineId, units.restocked, units.scrapped, units.credited, units.replacementOrderId ?? null],
    );
  }

  async insertReceipt(
    tx: EntityManager,
    returnId: string,
    actorId: string,
    lines: { returnLineId: string; quantity: number; condition: ReturnCondition }[],
  ): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO return_receipts (return_id, account_id, actor_id)
       SELECT id, account_id, $2 FROM returns WHERE id = $1 RETURNING id`,
      [returnId, actorId],
    )) as { id: string }[];
    const id = row?.id ?? '';
    await tx.query(
      `INSERT INTO return_receipt_lines (receipt_id, account_id, return_line_id, quantity, condition)
       SELECT r.id, r.account_id, v.return_line_id, v.quantity, v.condition
         FROM return_receipts r,
              jsonb_to_recordset($2::jsonb) AS v(return_line_id uuid, quantity int, condition text)
        WHERE r.id = $1`,
      [
        id,
        JSON.stringify(
          lines.map((line) => ({
            return_line_id: line.returnLineId,
            quantity: line.quantity,
            condition: line.condition,
          })),
        ),
      ],
    );
    return id;
  }

  async linkReceiptCreditNote(tx: EntityManager, receiptId: string, creditNoteId: string): Promise<void> {
    await tx.query(`UPDATE return_receipts SET credit_note_id = $2 WHERE id = $1`, [receiptId, creditNoteId]);
  }

  /**
   * The return's events, and each as an outbox row in the same statement
   * (webhooks `return.created`, `return.status_changed`, `credit_note.created`):
   * an after-sales event rides the order's outbox, about the returned order.
   */
  async events(tx: EntityManager, returnId: string, events: NewReturnEvent[]): Promise<void> {
    for (const event of events) {
      await tx.query(
        `WITH inserted AS (
           INSERT INTO return_events (return_id, account_id, actor_id, kind, from_status, to_status, reason, data)
           SELECT id, account_id, $2, $3, $4, $5, $6, $7::jsonb FROM returns WHERE id = $1
           RETURNING id, actor_id, kind, from_status, to_status, reason, data, at
         )
         INSERT INTO outbox (topic, aggregate_id, payload)
         SELECT $9, o.id,
                jsonb_build_object(
                  'eventId', 'return-' || i.id::text, 'orderId', o.id, 'orderNumber', o.number,
                  'accountId', o.account_id, 'accountCode', a.code, 'placedBy', o.placed_by,
                  'actorId', i.actor_id, 'subtotal', o.subtotal::text, 'currency', o.currency,
                  'kind', $8::text, 'from', i.from_status, 'to', i.to_status, 'reason', i.reason,
                  'data', coalesce(i.data, '{}'::jsonb)
                          || jsonb_build_object('returnId', r.id, 'returnNumber', r.number, 'event', i.kind),
                  'at', i.at)
           FROM inserted i
           JOIN returns r ON r.id = $1
           JOIN orders o ON o.id = r.order_id
           JOIN accounts a ON a.id = o.account_id
          WHERE $8::text IS NOT NULL AND current_setting('tradecounter.outbox', true) IS DISTINCT FROM 'off'`,
        [
          returnId,
          event.actorId,
          event.kind,
          event.fromStatus,
          event.toStatus,
          event.reason,
          event.data ? JSON.stringify(event.data) : null,
          event.outbox ?? null,
          event.outbox ? OUTBOX_TOPICS[event.outbox] : null,
        ],
      );
    }
    if (events.some((event) => event.outbox)) await tx.query(`SELECT pg_notify('tc_outbox', '')`);
  }

  /** The account's active buyers and approvers: who hears about its returns. */
  async buyersOf(manager: EntityManager, accountId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM users WHERE active AND account_id = $1 AND role IN ('buyer', 'approver')`,
      [accountId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Locks the account row, the lock placement takes first: credit and exposure change one at a time. */
  async lockAccount(tx: EntityManager, accountId: string): Promise<void> {
    await tx.query(`SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
  }

  /** Order lines of a product at a warehouse with units waiting for supply, and how many. */
  async backordered(
    tx: EntityManager,
    productId: string,
    warehouseCode: string,
  ): Promise<Map<string, number>> {
    const rows = (await tx.query(
      `SELECT l.id, l.backordered_qty AS qty FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.product_id = $1 AND o.warehouse_code = $2 AND l.backordered_qty > 0`,
      [productId, warehouseCode],
    )) as { id: string; qty: number }[];
    return new Map(rows.map((row) => [row.id, row.qty]));
  }

  async insertPhoto(
    tx: EntityManager,
    returnId: string,
    contentType: string,
    bytes: Buffer,
  ): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO return_photos (return_id, account_id, content_type, byte_size, bytes)
       SELECT id, account_id, $2, $3, $4 FROM returns WHERE id = $1 RETURNING id`,
      [returnId, contentType, bytes.length, bytes],
    )) as { id: string }[];
    return row?.id ?? '';
  }

  async photo(
    returnId: string,
    photoId: string,
  ): Promise<{ contentType: string; bytes: Buffer } | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT content_type AS "contentType", bytes FROM return_photos WHERE id = $1 AND return_id = $2`,
      [photoId, returnId],
    )) as { contentType: string; bytes: Buffer }[];
    return rows[0];
  }
}

/** The next credit note number, `CN-000001`. */
export async function nextCreditNoteNumber(tx: EntityManager): Promise<string> {
  const [{ n }] = (await tx.query(`SELECT nextval('credit_note_number_seq') AS n`)) as [{ n: string }];
  return formatCreditNoteNumber(BigInt(n));
}
