import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  OpenLineSortField,
  OrderSortField,
  OrderStatus,
  PriceSource,
  PromiseChange,
  PromiseSplit,
  SortDirection,
} from '@tradecounter/contracts';
import type { AccountScope } from '@tradecounter/domain';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, sortOrder, type SortSpec } from '../common/http/sort';
import type { AddressSnapshot } from './order.entity';
import { prepared } from '../database/prepared-statements';

/** A new order as placement writes it; the number comes from the sequence. */
export interface NewOrder {
  accountId: string;
  /** The user who placed it; null for an integration. */
  placedBy: string | null;
  channel: string;
  /** The integration's own reference for the order. */
  externalRef: string | null;
  status: OrderStatus;
  poNumber: string | null;
  shippingAddress: AddressSnapshot;
  requestedDeliveryDate: string | null;
  shipComplete: boolean;
  notes: string | null;
  warehouseCode: string;
  subtotal: string;
  currency: string;
  placedAt: Date;
  /** The sales quote it is accepted from, else null. */
  quoteId: string | null;
  lines: NewOrderLine[];
  events: NewOrderEvent[];
}

export interface NewOrderLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: string;
  priceSource: PriceSource;
  lineTotal: string;
  /** The product's list price as the order is placed (savings in reports). */
  listPrice: string;
  promise: { splits: PromiseSplit[] };
  requestedDate: string | null;
  firstPromisedDate: string;
  reservedQty: number;
  allocatedQty: number;
  backorderedQty: number;
  allocations: { inboundId: string; qty: number }[];
}

export interface NewOrderEvent {
  actorId: string | null;
  kind: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  reason: string | null;
  data?: Record<string, unknown> | null;
}

/** What a transition needs of an order, read under its row lock. */
export interface LockedOrder {
  id: string;
  number: string;
  accountId: string;
  accountManagerId: string | null;
  status: OrderStatus;
  warehouseCode: string;
  subtotal: string;
  paidAt: Date | null;
  placedBy: string | null;
  /** Placed ship complete: it ships in one shipment unless staff override. */
  shipComplete: boolean;
}

/** What an order's lines hold, read after the supply rows are locked. */
export interface HeldRow {
  productId: string;
  reservedQty: number;
  allocations: { inboundId: string; qty: number }[];
}

export interface OrderFilter {
  scope: AccountScope;
  status?: OrderStatus;
  accountId?: string;
  channel?: string;
  from?: string;
  to?: string;
  search?: string;
  timeZone: string;
  sort?: OrderSortField;
  dir?: SortDirection;
}

export interface OpenLinesFilter {
  scope: AccountScope;
  accountId?: string;
  sort?: OpenLineSortField;
  dir?: SortDirection;
}

/** Open lines: by promised date (then order age and line), order number or SKU. */
export const OPEN_LINE_SORT: SortSpec<OpenLineSortField> = {
  columns: { promisedDate: 'l.current_promised_date', orderNumber: 'o.number', sku: 'l.sku' },
  tieBreaker: ['o.placed_at', 'l.line_no', 'l.id'],
  defaultField: 'promisedDate',
  defaultDirection: 'asc',
};

/**
 * The orders list's sortable columns. placed_at is indexed (alone, and after
 * status and account_id, the list's usual filters); the others sort the
 * filtered rows, which the count over them reads anyway.
 */
export const ORDER_SORT: SortSpec<OrderSortField> = {
  columns: {
    placedAt: 'o.placed_at',
    number: 'o.number',
    poNumber: 'o.po_number',
    status: 'o.status',
    subtotal: 'o.subtotal',
  },
  tieBreaker: 'o.id',
  defaultField: 'placedAt',
  defaultDirection: 'desc',
};

/** An order with its account, placer, lines, fulfilment and events, as one row (the lists as JSON). */
export interface OrderRow extends OrderSummaryRow {
  shippingAddress: AddressSnapshot;
  requestedDeliveryDate: string | null;
  notes: string | null;
  quoteId: string | null;
  lines: OrderLineRow[];
  packages: { packageNo: number; weightKg: string | null }[];
  shipments: ShipmentRow[];
  rating: RatingRow | null;
  events: OrderEventRow[];
}

export interface ShipmentRow {
  id: string;
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page template, when settings have one for it. */
  urlTemplate: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

export interface RatingRow {
  score: number;
  comment: string | null;
  at: string;
  byId: string | null;
  byName: string | null;
}

/** A line as shipping sees it, read once the stock rows are locked. */
export interface ShippingLineRow {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  quantity: number;
  shipped: number;
  reserved: number;
}

export interface OrderSummaryRow {
  id: string;
  number: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  status: OrderStatus;
  channel: string;
  externalRef: string | null;
  poNumber: string | null;
  subtotal: string;
  currency: string;
  lineCount: number;
  placedAt: Date;
  placedById: string | null;
  placedByName: string | null;
  warehouseCode: string;
  shipComplete: boolean;
  paidAt: Date | null;
}

export interface OrderLineRow {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: string;
  priceSource: PriceSource | null;
  lineTotal: string;
  promise: { splits: PromiseSplit[] };
  requestedDate: string | null;
  firstPromisedDate: string;
  currentPromisedDate: string;
  reservedQty: number;
  allocatedQty: number;
  backorderedQty: number;
  shippedQty: number;
}

export interface OrderEventRow {
  at: string;
  actorId: string | null;
  actorName: string | null;
  kind: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  reason: string | null;
  data: { changes?: PromiseChange[] } | null;
}

export interface OpenLineRow {
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  productId: string;
  sku: string;
  name: string;
  ordered: number;
  shipped: number;
  currentPromisedDate: string;
  status: OrderStatus;
}

/** The account's exposure and the placing customer's order limit ($2 null: staff). */
const PLACEMENT_FACTS_SQL = prepared(
  'orders_placement_facts',
  `SELECT (SELECT coalesce(max(exposure), 0)::text FROM account_exposure WHERE account_id = $1) AS exposure,
          (SELECT order_limit::text FROM users WHERE id = $2) AS "orderLimit"`,
);

/**
 * A whole order in one statement: the order (numbered from the sequence,
 * never shorter than six digits), its lines, their inbound allocations, its
 * first events and the Idempotency-Key that made it. Foreign keys are checked when the statement ends, when
 * every row exists.
 */
const INSERT_PLACED_SQL = prepared(
  'orders_insert_placed',
  `
WITH o AS (
  INSERT INTO orders (number, account_id, placed_by, channel, status, po_number, shipping_address_id,
                      shipping_address, requested_delivery_date, ship_complete, notes, warehouse_code,
                      subtotal, currency, placed_at, external_ref, quote_id)
  SELECT 'SO-' || lpad(n::text, greatest(6, length(n::text)), '0'), $1, $2, $3, $4, $5, $6,
         $7::jsonb, $8::date, $9, $10, $11, $12::numeric, $13, $14, $21, $22::uuid
    FROM nextval('order_number_seq') AS n
  RETURNING id, number
), l AS (
  INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price, line_total, promise,
                           requested_date, first_promised_date, current_promised_date, reserved_qty,
                           reserved_at_placement, allocated_qty, backordered_qty, list_price, price_source)
  SELECT o.id, x.line_no, x.product_id, x.sku, x.name, x.quantity, x.unit_price, x.line_total, x.promise,
         x.requested_date, x.first_promised_date, x.first_promised_date, x.reserved_qty, x.reserved_qty,
         x.allocated_qty, x.backordered_qty, x.list_price, x.price_source
    FROM o, jsonb_to_recordset($15::jsonb) AS x(line_no int, product_id uuid, sku text, name text, quantity int,
         unit_price numeric, line_total numeric, promise jsonb, requested_date date, first_promised_date date,
         reserved_qty int, allocated_qty int, backordered_qty int, list_price numeric, price_source text)
  RETURNING id, line_no
), a AS (
  INSERT INTO order_line_allocations (order_line_id, inbound_id, qty)
  SELECT l.id, y.inbound_id, y.qty
    FROM l JOIN jsonb_to_recordset($16::jsonb) AS y(line_no int, inbound_id uuid, qty int) ON y.line_no = l.line_no
), x AS (
  INSERT INTO account_exposure (account_id, exposure) SELECT $1, $12::numeric FROM o
  ON CONFLICT (account_id) DO UPDATE SET exposure = account_exposure.exposure + EXCLUDED.exposure
), k AS (
  INSERT INTO idempotency_keys (user_id, key, request_hash, order_id)
  SELECT $18, $19, $20, o.id FROM o WHERE $19::text IS NOT NULL
), e AS (
  INSERT INTO order_events (order_id, at, actor_id, kind, from_status, to_status, reason, data)
  SELECT o.id, $14, z.actor_id, z.kind, z.from_status, z.to_status, z.reason, z.data
    FROM o, jsonb_to_recordset($17::jsonb) AS z(seq int, actor_id uuid, kind text, from_status text,
         to_status text, reason text, data jsonb)
   ORDER BY z.seq
)
SELECT o.id, o.number, (SELECT json_agg(json_build_object('id', l.id, 'lineNo', l.line_no)) FROM l) AS lines
  FROM o`,
);

const SUMMARY_COLUMNS = `
  o.id, o.number, o.account_id AS "accountId", a.code AS "accountCode", a.name AS "accountName", o.status,
  o.channel, o.external_ref AS "externalRef", o.po_number AS "poNumber", o.subtotal::text AS subtotal,
  o.currency, (SELECT count(*)::int FROM order_lines c WHERE c.order_id = o.id) AS "lineCount",
  o.placed_at AS "placedAt", o.placed_by AS "placedById", u.name AS "placedByName",
  o.warehouse_code AS "warehouseCode", o.ship_complete AS "shipComplete", o.paid_at AS "paidAt"`;

const ORDER_SQL = `
SELECT ${SUMMARY_COLUMNS},
  o.shipping_address AS "shippingAddress", o.requested_delivery_date::text AS "requestedDeliveryDate", o.notes,
  o.quote_id AS "quoteId",
  (SELECT coalesce(json_agg(json_build_object(
            'id', l.id, 'lineNo', l.line_no, 'productId', l.product_id, 'sku', l.sku, 'name', l.name,
            'quantity', l.quantity, 'unitPrice', l.unit_price::text, 'priceSource', l.price_source,
            'lineTotal', l.line_total::text,
            'promise', l.promise, 'requestedDate', l.requested_date, 'firstPromisedDate', l.first_promised_date,
            'currentPromisedDate', l.current_promised_date, 'reservedQty', l.reserved_qty,
            'allocatedQty', l.allocated_qty, 'backorderedQty', l.backordered_qty, 'shippedQty', l.shipped_qty)
          ORDER BY l.line_no), '[]')
     FROM order_lines l WHERE l.order_id = o.id) AS lines,
  (SELECT coalesce(json_agg(json_build_object('packageNo', p.package_no, 'weightKg', p.weight_kg::text)
          ORDER BY p.package_no), '[]')
     FROM order_packages p WHERE p.order_id = o.id) AS packages,
  (SELECT coalesce(json_agg(json_build_object(
            'id', s.id, 'carrier', s.carrier, 'trackingNumber', s.tracking_number, 'shippedAt', s.shipped_at,
            'deliveredAt', s.delivered_at,
            'urlTemplate', (SELECT ct.url_template FROM carrier_tracking ct
                             WHERE lower(ct.carrier) = lower(s.carrier) ORDER BY ct.carrier LIMIT 1),
            'lines', (SELECT json_agg(json_build_object('orderLineId', x.order_line_id, 'quantity', x.quantity)
                             ORDER BY ol.line_no)
                        FROM shipment_lines x JOIN order_lines ol ON ol.id = x.order_line_id
                       WHERE x.shipment_id = s.id))
          ORDER BY s.shipped_at, s.id), '[]')
     FROM shipments s WHERE s.order_id = o.id) AS shipments,
  (SELECT json_build_object('score', r.score, 'comment', r.comment, 'at', r.rated_at, 'byId', r.rated_by,
                            'byName', ru.name)
     FROM delivery_ratings r LEFT JOIN users ru ON ru.id = r.rated_by WHERE r.order_id = o.id) AS rating,
  (SELECT coalesce(json_agg(json_build_object(
            'at', e.at, 'actorId', e.actor_id, 'actorName', eu.name, 'kind', e.kind,
            'fromStatus', e.from_status, 'toStatus', e.to_status, 'reason', e.reason, 'data', e.data)
          ORDER BY e.at, e.id), '[]')
     FROM order_events e LEFT JOIN users eu ON eu.id = e.actor_id WHERE e.order_id = o.id) AS events
FROM orders o
JOIN accounts a ON a.id = o.account_id
LEFT JOIN users u ON u.id = o.placed_by
WHERE o.id = $1`;

/** Receiving a receipt: its allocations become the lines' reserved stock, and the allocations go. */
const RECEIVE_ALLOCATIONS_SQL = `
WITH moved AS (DELETE FROM order_line_allocations WHERE inbound_id = $1 RETURNING order_line_id, qty)
UPDATE order_lines l SET reserved_qty = l.reserved_qty + m.qty, allocated_qty = l.allocated_qty - m.qty
  FROM moved m WHERE l.id = m.order_line_id`;

/** An order of an account on credit hold: what deciding whether it now fits needs. */
export interface HeldOrderRow {
  id: string;
  number: string;
  subtotal: string;
  paid: boolean;
}

@Injectable()
export class OrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertPlaced(
    tx: EntityManager,
    order: NewOrder & { shippingAddressId: string | null },
    /** The Idempotency-Key that made it (users); null for an integration, whose external reference is its key. */
    idempotency: { userId: string; key: string; requestHash: string } | null,
  ): Promise<{ id: string; number: string; lineIds: Map<number, string> }> {
    const lines = order.lines.map((line) => ({
      line_no: line.lineNo,
      product_id: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      price_source: line.priceSource,
      line_total: line.lineTotal,
      list_price: line.listPrice,
      promise: line.promise,
      requested_date: line.requestedDate,
      first_promised_date: line.firstPromisedDate,
      reserved_qty: line.reservedQty,
      allocated_qty: line.allocatedQty,
      backordered_qty: line.backorderedQty,
    }));
    const allocations = order.lines.flatMap((line) =>
      line.allocations.map((allocation) => ({
        line_no: line.lineNo,
        inbound_id: allocation.inboundId,
        qty: allocation.qty,
      })),
    );
    const events = order.events.map((event, seq) => ({
      seq,
      actor_id: event.actorId,
      kind: event.kind,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      reason: event.reason,
      data: event.data ?? null,
    }));
    const [row] = (await tx.query(INSERT_PLACED_SQL, [
      order.accountId,
      order.placedBy,
      order.channel,
      order.status,
      order.poNumber,
      order.shippingAddressId,
      JSON.stringify(order.shippingAddress),
      order.requestedDeliveryDate,
      order.shipComplete,
      order.notes,
      order.warehouseCode,
      order.subtotal,
      order.currency,
      order.placedAt,
      JSON.stringify(lines),
      JSON.stringify(allocations),
      JSON.stringify(events),
      idempotency?.userId ?? null,
      idempotency?.key ?? null,
      idempotency?.requestHash ?? null,
      order.externalRef,
      order.quoteId,
    ])) as { id: string; number: string; lines: { id: string; lineNo: number }[] }[];
    if (!row) throw new Error('Inserting an order returned nothing');
    return {
      id: row.id,
      number: row.number,
      lineIds: new Map(row.lines.map((line) => [line.lineNo, line.id])),
    };
  }

  /** Until the transaction ends, no other channel order with this reference proceeds. */
  async lockExternalRef(tx: EntityManager, channel: string, externalRef: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `order:${channel}:${externalRef}`,
    ]);
  }

  async idByExternalRef(
    tx: EntityManager,
    channel: string,
    externalRef: string,
  ): Promise<string | undefined> {
    const rows = (await tx.query('SELECT id FROM orders WHERE channel = $1 AND external_ref = $2', [
      channel,
      externalRef,
    ])) as { id: string }[];
    return rows[0]?.id;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrderRow | undefined> {
    const rows = (await manager.query(ORDER_SQL, [id])) as OrderRow[];
    return rows[0];
  }

  /** The account the order belongs to and who manages it, for a 404-or-read decision before anything else. */
  async owner(id: string): Promise<{ accountId: string; accountManagerId: string | null } | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT o.account_id AS "accountId", a.account_manager_id AS "accountManagerId"
         FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.id = $1`,
      [id],
    )) as { accountId: string; accountManagerId: string | null }[];
    return rows[0];
  }

  async list(filter: OrderFilter, page: PageRequest): Promise<[OrderSummaryRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    applyScope(filter.scope, where, param);
    if (filter.status) where.push(`o.status = ${param(filter.status)}`);
    if (filter.accountId) where.push(`o.account_id = ${param(filter.accountId)}::uuid`);
    if (filter.channel) where.push(`o.channel = ${param(filter.channel)}`);
    if (filter.from) {
      where.push(
        `o.placed_at >= (${param(filter.from)}::date::timestamp AT TIME ZONE ${param(filter.timeZone)})`,
      );
    }
    if (filter.to) {
      where.push(
        `o.placed_at < ((${param(filter.to)}::date + 1)::timestamp AT TIME ZONE ${param(filter.timeZone)})`,
      );
    }
    for (const term of searchTerms(filter.search)) {
      const like = param(`%${escapeLikePattern(term)}%`);
      where.push(
        `lower(o.number || ' ' || coalesce(o.po_number, '') || ' ' || a.code || ' ' || a.name) LIKE ${like}`,
      );
    }
    const sql = `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total
                   FROM orders o JOIN accounts a ON a.id = o.account_id LEFT JOIN users u ON u.id = o.placed_by
                  ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
                  ${orderByClause(sortOrder(ORDER_SORT, filter))}
                  LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`;
    const rows = (await this.dataSource.query(sql, params)) as (OrderSummaryRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows, rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  /** Ordered units not yet shipped, of orders still going ahead, oldest order first. */
  async openLines(filter: OpenLinesFilter, page: PageRequest): Promise<[OpenLineRow[], number]> {
    const { scope, accountId } = filter;
    const where = [
      `o.status NOT IN ('cancelled', 'rejected', 'shipped', 'delivered')`,
      'l.shipped_qty < l.quantity',
    ];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    applyScope(scope, where, param);
    if (accountId) where.push(`o.account_id = ${param(accountId)}::uuid`);
    const sql = `
      SELECT o.id AS "orderId", o.number AS "orderNumber", l.id AS "orderLineId", l.product_id AS "productId",
             l.sku, l.name, l.quantity AS ordered, l.shipped_qty AS shipped,
             l.current_promised_date::text AS "currentPromisedDate", o.status, count(*) OVER () AS total
        FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN accounts a ON a.id = o.account_id
       WHERE ${where.join(' AND ')}
       ${orderByClause(sortOrder(OPEN_LINE_SORT, filter))}
       LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`;
    const rows = (await this.dataSource.query(sql, params)) as (OpenLineRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.openLines(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows, rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  /** Credit exposure per account: the running totals of account_exposure. */
  async exposure(
    accountIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (accountIds.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT account_id AS "accountId", exposure::text AS exposure
         FROM account_exposure WHERE account_id = ANY($1::uuid[])`,
      [accountIds],
    )) as { accountId: string; exposure: string }[];
    return new Map(rows.map((row) => [row.accountId, row.exposure]));
  }

  /**
   * An order stopped counting toward its account's exposure (delta < 0).
   * The row exists: placing the order made or raised it.
   */
  async adjustExposure(tx: EntityManager, accountId: string, delta: string): Promise<void> {
    await tx.query('UPDATE account_exposure SET exposure = exposure + $2::numeric WHERE account_id = $1', [
      accountId,
      delta,
    ]);
  }

  /**
   * A credit note lowers the account's exposure by its total, never below 0
   * (the CHECK). The caller holds the account's row lock, as placement does.
   * Answers the exposure after, and the account's orders on credit hold.
   */
  async lowerExposure(
    tx: EntityManager,
    accountId: string,
    amount: string,
  ): Promise<{ exposure: string; creditLimit: string; held: HeldOrderRow[] }> {
    const [row] = (await tx.query(
      `WITH lowered AS (
         UPDATE account_exposure SET exposure = greatest(0, exposure - $2::numeric)
          WHERE account_id = $1 RETURNING exposure)
       SELECT coalesce((SELECT exposure::text FROM lowered), '0') AS exposure,
              (SELECT credit_limit::text FROM accounts WHERE id = $1) AS "creditLimit"`,
      [accountId, amount],
    )) as { exposure: string; creditLimit: string }[];
    const held = (await tx.query(
      `SELECT id, number, subtotal::text AS subtotal, paid_at IS NOT NULL AS paid
         FROM orders WHERE account_id = $1 AND status = 'on_hold' ORDER BY placed_at, id`,
      [accountId],
    )) as HeldOrderRow[];
    return { exposure: row?.exposure ?? '0', creditLimit: row?.creditLimit ?? '0', held };
  }

  /**
   * What the placement decision needs besides the order: the account's
   * exposure and, for a customer, the placing user's order limit (null: none).
   */
  async placementFacts(
    tx: EntityManager,
    accountId: string,
    customerId: string | null,
  ): Promise<{ exposure: string; orderLimit: string | null }> {
    const [row] = (await tx.query(PLACEMENT_FACTS_SQL, [accountId, customerId])) as {
      exposure: string;
      orderLimit: string | null;
    }[];
    return row ?? { exposure: '0', orderLimit: null };
  }

  /** The order's subtotal and status, and the order limit of the user who placed it (as it is now). */
  async approvalFacts(id: string): Promise<
    | {
        status: OrderStatus;
        subtotal: string;
        orderLimit: string | null;
        placedById: string | null;
        placedByName: string | null;
      }
    | undefined
  > {
    const rows = (await this.dataSource.query(
      `SELECT o.status, o.subtotal::text AS subtotal, u.order_limit::text AS "orderLimit",
              u.id AS "placedById", u.name AS "placedByName"
         FROM orders o LEFT JOIN users u ON u.id = o.placed_by
        WHERE o.id = $1`,
      [id],
    )) as {
      status: OrderStatus;
      subtotal: string;
      orderLimit: string | null;
      placedById: string | null;
      placedByName: string | null;
    }[];
    return rows[0];
  }

  /** The account's active approvers, by name: who an order above a buyer's limit goes to. */
  async approversOf(tx: EntityManager, accountId: string): Promise<{ id: string; name: string }[]> {
    return (await tx.query(
      `SELECT id, name FROM users WHERE account_id = $1 AND role = 'approver' AND active ORDER BY name, id`,
      [accountId],
    )) as { id: string; name: string }[];
  }

  /** The order, locked until the transaction ends: every transition runs under it. */
  async lock(tx: EntityManager, id: string): Promise<LockedOrder | undefined> {
    const rows = (await tx.query(
      `SELECT o.id, o.number, o.account_id AS "accountId", a.account_manager_id AS "accountManagerId", o.status,
              o.warehouse_code AS "warehouseCode", o.subtotal::text AS subtotal, o.paid_at AS "paidAt",
              o.placed_by AS "placedBy", o.ship_complete AS "shipComplete"
         FROM orders o JOIN accounts a ON a.id = o.account_id
        WHERE o.id = $1 FOR NO KEY UPDATE OF o`,
      [id],
    )) as LockedOrder[];
    return rows[0];
  }

  /** The products an order's lines hold stock of, and the receipts allocated to them. */
  async heldKeys(
    tx: EntityManager,
    orderId: string,
  ): Promise<{ productIds: string[]; inboundIds: string[] }> {
    const [row] = (await tx.query(
      `SELECT (SELECT coalesce(array_agg(DISTINCT l.product_id::text), '{}') FROM order_lines l
                WHERE l.order_id = $1) AS "productIds",
              (SELECT coalesce(array_agg(DISTINCT a.inbound_id::text), '{}')
                 FROM order_line_allocations a JOIN order_lines l ON l.id = a.order_line_id
                WHERE l.order_id = $1) AS "inboundIds"`,
      [orderId],
    )) as { productIds: string[]; inboundIds: string[] }[];
    return row ?? { productIds: [], inboundIds: [] };
  }

  /** What the order's lines hold now (read after the supply rows are locked). */
  held(tx: EntityManager, orderId: string): Promise<HeldRow[]> {
    return tx.query(
      `SELECT l.product_id AS "productId", l.reserved_qty AS "reservedQty",
              coalesce((SELECT json_agg(json_build_object('inboundId', a.inbound_id, 'qty', a.qty))
                          FROM order_line_allocations a WHERE a.order_line_id = l.id), '[]') AS allocations
         FROM order_lines l WHERE l.order_id = $1`,
      [orderId],
    ) as Promise<HeldRow[]>;
  }

  /** After the units are given back: the lines hold nothing and wait for nothing. */
  async clearHeld(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query(
      `DELETE FROM order_line_allocations a USING order_lines l
        WHERE l.id = a.order_line_id AND l.order_id = $1`,
      [orderId],
    );
    await tx.query(
      `UPDATE order_lines SET reserved_qty = 0, allocated_qty = 0, backordered_qty = 0 WHERE order_id = $1`,
      [orderId],
    );
  }

  async setStatus(
    tx: EntityManager,
    id: string,
    status: OrderStatus,
    changes: { paidAt?: Date } = {},
  ): Promise<void> {
    await tx.query(
      `UPDATE orders SET status = $2, paid_at = coalesce($3::timestamptz, paid_at), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, status, changes.paidAt ?? null],
    );
  }

  async insertEvent(tx: EntityManager, orderId: string, event: NewOrderEvent): Promise<void> {
    await tx.query(
      `INSERT INTO order_events (order_id, actor_id, kind, from_status, to_status, reason, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        orderId,
        event.actorId,
        event.kind,
        event.fromStatus,
        event.toStatus,
        event.reason,
        event.data ? JSON.stringify(event.data) : null,
      ],
    );
  }

  /** The order's lines with what shipping checks: ordered, shipped, reserved (read after the stock rows are locked). */
  shippingLines(tx: EntityManager, orderId: string): Promise<ShippingLineRow[]> {
    return tx.query(
      `SELECT id, line_no AS "lineNo", product_id AS "productId", sku, quantity, shipped_qty AS shipped,
              reserved_qty AS reserved
         FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
      [orderId],
    ) as Promise<ShippingLineRow[]>;
  }

  /**
   * Counts units as shipped and no longer reserved. Each row guards itself
   * (never past the quantity, never more than reserved); returns how many
   * lines it updated, all of them or the caller rolls back.
   */
  async markShipped(
    tx: EntityManager,
    orderId: string,
    lines: { orderLineId: string; quantity: number }[],
  ): Promise<number> {
    const [rows] = (await tx.query(
      `UPDATE order_lines l SET shipped_qty = l.shipped_qty + v.qty, reserved_qty = l.reserved_qty - v.qty
         FROM unnest($2::uuid[], $3::int[]) AS v(id, qty)
        WHERE l.id = v.id AND l.order_id = $1 AND l.reserved_qty >= v.qty AND l.shipped_qty + v.qty <= l.quantity
        RETURNING l.id`,
      [orderId, lines.map((line) => line.orderLineId), lines.map((line) => line.quantity)],
    )) as [unknown[], number];
    return rows.length;
  }

  async receiveAllocations(tx: EntityManager, inboundId: string): Promise<void> {
    await tx.query(RECEIVE_ALLOCATIONS_SQL, [inboundId]);
  }
}

function applyScope(scope: AccountScope, where: string[], param: (value: unknown) => string): void {
  switch (scope.kind) {
    case 'account':
      where.push(`o.account_id = ${param(scope.accountId)}::uuid`);
      break;
    case 'managedBy':
      where.push(`a.account_manager_id = ${param(scope.accountManagerId)}::uuid`);
      break;
    case 'all':
      break;
  }
}
