import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  PromiseSplit,
  SalesQuoteSortField,
  SalesQuoteStatus,
  SortDirection,
} from '@tradecounter/contracts';
import type { AccountScope } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, sortOrder, type SortSpec } from '../common/http/sort';

/** A line as a revision is written. */
export interface NewQuoteLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: string | null;
  listPrice: string;
  normalPrice: string;
  lineTotal: string | null;
  promise: { splits: PromiseSplit[] } | null;
}

export interface NewQuoteEvent {
  actorId: string | null;
  kind: string;
  fromStatus: SalesQuoteStatus | null;
  toStatus: SalesQuoteStatus;
  reason: string | null;
  revision: number;
  orderId?: string | null;
}

/** A quote's row as its actions read it, locked. */
export interface LockedQuote {
  id: string;
  number: string;
  accountId: string;
  accountManagerId: string | null;
  status: SalesQuoteStatus;
  revision: number;
  validUntil: string | null;
  createdBy: string | null;
  /** Whether the latest revision has been priced. */
  priced: boolean;
  lines: { id: string; productId: string; quantity: number; unitPrice: string | null }[];
}

export interface QuoteSummaryRow {
  id: string;
  number: string;
  accountId: string;
  accountName: string;
  status: SalesQuoteStatus;
  revision: number;
  validUntil: string | null;
  requestedDate: string | null;
  lineCount: number;
  subtotal: string | null;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  updatedAt: Date;
  orderId: string | null;
}

export interface QuoteRow extends QuoteSummaryRow {
  message: string | null;
  accountManagerId: string | null;
  revisions: {
    revision: number;
    quotedAt: string | null;
    quotedById: string | null;
    quotedByName: string | null;
    validUntil: string | null;
    subtotal: string | null;
  }[];
  events: {
    at: string;
    actorId: string | null;
    actorName: string | null;
    kind: string;
    fromStatus: SalesQuoteStatus | null;
    toStatus: SalesQuoteStatus;
    reason: string | null;
    revision: number;
    orderId: string | null;
  }[];
}

export interface QuoteLineRow {
  id: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: string | null;
  listPrice: string;
  normalPrice: string;
  lineTotal: string | null;
  promise: { splits: PromiseSplit[] } | null;
}

export interface QuoteFilter {
  scope: AccountScope;
  status?: SalesQuoteStatus;
  accountId?: string;
  sort?: SalesQuoteSortField;
  dir?: SortDirection;
}

const SORT: SortSpec<SalesQuoteSortField> = {
  columns: { createdAt: 'q.created_at', number: 'q.number', validUntil: 'q.valid_until', status: 'q.status' },
  tieBreaker: 'q.id',
  defaultField: 'createdAt',
  defaultDirection: 'desc',
};

const SUMMARY_COLUMNS = `
  q.id, q.number, q.account_id AS "accountId", a.name AS "accountName", q.status, q.revision,
  q.valid_until::text AS "validUntil", q.requested_date::text AS "requestedDate",
  (SELECT count(*)::int FROM quote_lines l WHERE l.revision_id = r.id) AS "lineCount",
  r.subtotal::text AS subtotal, q.created_at AS "createdAt", q.created_by AS "createdById",
  cu.name AS "createdByName", q.updated_at AS "updatedAt",
  (SELECT o.id FROM orders o WHERE o.quote_id = q.id) AS "orderId"`;

const SUMMARY_FROM = `
  FROM quotes q
  JOIN accounts a ON a.id = q.account_id
  JOIN quote_revisions r ON r.quote_id = q.id AND r.revision = q.revision
  LEFT JOIN users cu ON cu.id = q.created_by`;

const QUOTE_SQL = `
SELECT ${SUMMARY_COLUMNS}, q.message, a.account_manager_id AS "accountManagerId",
  (SELECT json_agg(json_build_object('revision', v.revision, 'quotedAt', v.quoted_at, 'quotedById', v.quoted_by,
          'quotedByName', vu.name, 'validUntil', v.valid_until, 'subtotal', v.subtotal::text) ORDER BY v.revision)
     FROM quote_revisions v LEFT JOIN users vu ON vu.id = v.quoted_by WHERE v.quote_id = q.id) AS revisions,
  (SELECT coalesce(json_agg(json_build_object('at', e.at, 'actorId', e.actor_id, 'actorName', eu.name,
          'kind', e.kind, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'reason', e.reason,
          'revision', e.revision, 'orderId', e.order_id) ORDER BY e.at, e.id), '[]')
     FROM quote_events e LEFT JOIN users eu ON eu.id = e.actor_id WHERE e.quote_id = q.id) AS events
${SUMMARY_FROM}
WHERE q.id = $1`;

const LINES_SQL = `
SELECT l.id, l.product_id AS "productId", l.sku, l.name, l.quantity, l.unit_price::text AS "unitPrice",
       l.list_price::text AS "listPrice", l.normal_price::text AS "normalPrice", l.line_total::text AS "lineTotal",
       l.promise
  FROM quote_lines l JOIN quote_revisions r ON r.id = l.revision_id
 WHERE r.quote_id = $1 AND r.revision = $2
 ORDER BY l.line_no`;

/** Writes a revision's lines (jsonb $2) under revision id $1. */
const INSERT_LINES_SQL = `
INSERT INTO quote_lines (revision_id, account_id, line_no, product_id, sku, name, quantity, unit_price,
                         list_price, normal_price, line_total, promise)
SELECT r.id, r.account_id, x.line_no, x.product_id, x.sku, x.name, x.quantity, x.unit_price, x.list_price,
       x.normal_price, x.line_total, x.promise
  FROM quote_revisions r,
       jsonb_to_recordset($2::jsonb) AS x(line_no int, product_id uuid, sku text, name text, quantity int,
       unit_price numeric, list_price numeric, normal_price numeric, line_total numeric, promise jsonb)
 WHERE r.id = $1`;

const INSERT_EVENTS_SQL = `
INSERT INTO quote_events (quote_id, account_id, actor_id, kind, from_status, to_status, reason, revision, order_id)
SELECT q.id, q.account_id, z.actor_id, z.kind, z.from_status, z.to_status, z.reason, z.revision, z.order_id
  FROM quotes q,
       jsonb_to_recordset($2::jsonb) AS z(actor_id uuid, kind text, from_status text, to_status text,
       reason text, revision int, order_id uuid)
 WHERE q.id = $1`;

/**
 * Quoted quotes past their last valid day become `expired`, each with its
 * event (by the clock: no actor). `$1` is today in the deployment zone.
 */
const EXPIRE_DUE_SQL = `
WITH due AS (
  SELECT id, revision FROM quotes WHERE status = 'quoted' AND valid_until < $1::date
   ORDER BY id FOR UPDATE SKIP LOCKED
), done AS (
  UPDATE quotes q SET status = 'expired', updated_at = now() FROM due WHERE q.id = due.id
  RETURNING q.id, q.account_id, q.revision
), e AS (
  INSERT INTO quote_events (quote_id, account_id, actor_id, kind, from_status, to_status, reason, revision)
  SELECT id, account_id, NULL, 'expired', 'quoted', 'expired', 'validUntil passed', revision
    FROM done
)
SELECT count(*)::int AS count FROM done`;

function lineRows(lines: NewQuoteLine[]): string {
  return JSON.stringify(
    lines.map((line, index) => ({
      line_no: index + 1,
      product_id: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      list_price: line.listPrice,
      normal_price: line.normalPrice,
      line_total: line.lineTotal,
      promise: line.promise,
    })),
  );
}

/** The SQL of sales quotes: their rows, revisions, lines and events. */
@Injectable()
export class QuotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The quote a user already asked for with this key, if any. */
  async byIdempotencyKey(
    manager: EntityManager,
    userId: string,
    key: string,
  ): Promise<{ id: string; requestHash: string | null } | undefined> {
    const rows = (await manager.query(
      `SELECT id, request_hash AS "requestHash" FROM quotes WHERE created_by = $1 AND idempotency_key = $2`,
      [userId, key],
    )) as { id: string; requestHash: string | null }[];
    return rows[0];
  }

  /** A new `requested` quote with revision 1 and its first event. */
  async insertRequested(
    tx: EntityManager,
    quote: {
      accountId: string;
      createdBy: string;
      requestedDate: string | null;
      message: string | null;
      idempotencyKey: string;
      requestHash: string;
      lines: NewQuoteLine[];
    },
  ): Promise<{ id: string; number: string }> {
    const [row] = (await tx.query(
      `WITH n AS (SELECT nextval('quote_number_seq') AS n),
       q AS (
         INSERT INTO quotes (number, account_id, status, revision, requested_date, message, created_by,
                             idempotency_key, request_hash)
         SELECT 'Q-' || lpad(n::text, greatest(6, length(n::text)), '0'), $1, 'requested', 1, $2::date, $3, $4, $5, $6
           FROM n
         RETURNING id, number, account_id
       ), r AS (
         INSERT INTO quote_revisions (quote_id, account_id, revision) SELECT id, account_id, 1 FROM q RETURNING id
       ), e AS (
         INSERT INTO quote_events (quote_id, account_id, actor_id, kind, from_status, to_status, revision)
         SELECT id, account_id, $4, 'requested', NULL, 'requested', 1 FROM q
       )
       SELECT q.id, q.number, r.id AS "revisionId" FROM q, r`,
      [
        quote.accountId,
        quote.requestedDate,
        quote.message,
        quote.createdBy,
        quote.idempotencyKey,
        quote.requestHash,
      ],
    )) as { id: string; number: string; revisionId: string }[];
    if (!row) throw new Error('Inserting a quote returned nothing');
    await tx.query(INSERT_LINES_SQL, [row.revisionId, lineRows(quote.lines)]);
    return { id: row.id, number: row.number };
  }

  /** The account a quote is for and who manages it: the 404-or-read decision, before anything else. */
  async owner(id: string): Promise<{ accountId: string; accountManagerId: string | null } | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT q.account_id AS "accountId", a.account_manager_id AS "accountManagerId"
         FROM quotes q JOIN accounts a ON a.id = q.account_id WHERE q.id = $1`,
      [id],
    )) as { accountId: string; accountManagerId: string | null }[];
    return rows[0];
  }

  /** The quote's row, locked until the transaction ends, with its latest revision's lines. */
  async lock(tx: EntityManager, id: string): Promise<LockedQuote | undefined> {
    const rows = (await tx.query(
      `SELECT q.id, q.number, q.account_id AS "accountId", a.account_manager_id AS "accountManagerId", q.status,
              q.revision, q.valid_until::text AS "validUntil", q.created_by AS "createdBy",
              (r.quoted_at IS NOT NULL) AS priced,
              (SELECT coalesce(json_agg(json_build_object('id', l.id, 'productId', l.product_id,
                      'quantity', l.quantity, 'unitPrice', l.unit_price::text) ORDER BY l.line_no), '[]')
                 FROM quote_lines l WHERE l.revision_id = r.id) AS lines
         FROM quotes q
         JOIN accounts a ON a.id = q.account_id
         JOIN quote_revisions r ON r.quote_id = q.id AND r.revision = q.revision
        WHERE q.id = $1
          FOR UPDATE OF q`,
      [id],
    )) as LockedQuote[];
    return rows[0];
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<QuoteRow | undefined> {
    const rows = (await manager.query(QUOTE_SQL, [id])) as QuoteRow[];
    return rows[0];
  }

  linesOf(
    id: string,
    revision: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QuoteLineRow[]> {
    return manager.query(LINES_SQL, [id, revision]) as Promise<QuoteLineRow[]>;
  }

  async list(filter: QuoteFilter, page: PageRequest): Promise<[QuoteSummaryRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    switch (filter.scope.kind) {
      case 'account':
        where.push(`q.account_id = ${param(filter.scope.accountId)}::uuid`);
        break;
      case 'managedBy':
        where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}::uuid`);
        break;
      case 'all':
        break;
    }
    if (filter.status) where.push(`q.status = ${param(filter.status)}`);
    if (filter.accountId) where.push(`q.account_id = ${param(filter.accountId)}::uuid`);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = orderByClause(sortOrder(SORT, filter));
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total ${SUMMARY_FROM} ${whereSql} ${order}
        LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`,
      params,
    )) as (QuoteSummaryRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(({ total: _total, ...row }) => row), rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  /** Prices the latest revision in place (its first quoting). */
  async priceRevision(
    tx: EntityManager,
    quoteId: string,
    revision: number,
    priced: { quotedBy: string; validUntil: string; subtotal: string; lines: NewQuoteLine[] },
  ): Promise<void> {
    const [row] = (await tx.query(
      `UPDATE quote_revisions SET quoted_at = now(), quoted_by = $3, valid_until = $4::date, subtotal = $5::numeric
        WHERE quote_id = $1 AND revision = $2 RETURNING id`,
      [quoteId, revision, priced.quotedBy, priced.validUntil, priced.subtotal],
    )) as [{ id: string }[], number];
    const revisionId = row[0]?.id;
    if (!revisionId) throw new Error('The revision to price is missing');
    await tx.query('DELETE FROM quote_lines WHERE revision_id = $1', [revisionId]);
    await tx.query(INSERT_LINES_SQL, [revisionId, lineRows(priced.lines)]);
  }

  /** Writes the next revision, priced. */
  async insertRevision(
    tx: EntityManager,
    quoteId: string,
    revision: number,
    priced: { quotedBy: string; validUntil: string; subtotal: string; lines: NewQuoteLine[] },
  ): Promise<void> {
    const [row] = (await tx.query(
      `INSERT INTO quote_revisions (quote_id, account_id, revision, quoted_at, quoted_by, valid_until, subtotal)
       SELECT id, account_id, $2, now(), $3, $4::date, $5::numeric FROM quotes WHERE id = $1 RETURNING id`,
      [quoteId, revision, priced.quotedBy, priced.validUntil, priced.subtotal],
    )) as { id: string }[];
    if (!row) throw new Error('Inserting a revision returned nothing');
    await tx.query(INSERT_LINES_SQL, [row.id, lineRows(priced.lines)]);
  }

  /** Moves the quote to `status` (and revision/validity when given), with its events. */
  async update(
    tx: EntityManager,
    id: string,
    change: { status: SalesQuoteStatus; revision?: number; validUntil?: string | null },
    events: NewQuoteEvent[],
  ): Promise<void> {
    await tx.query(
      `UPDATE quotes SET status = $2, revision = coalesce($3, revision),
              valid_until = CASE WHEN $4 THEN $5::date ELSE valid_until END,
              expiry_notice_for = CASE WHEN $4 THEN NULL ELSE expiry_notice_for END, updated_at = now()
        WHERE id = $1`,
      [
        id,
        change.status,
        change.revision ?? null,
        change.validUntil !== undefined,
        change.validUntil ?? null,
      ],
    );
    await this.insertEvents(tx, id, events);
  }

  async insertEvents(tx: EntityManager, quoteId: string, events: NewQuoteEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.query(INSERT_EVENTS_SQL, [
      quoteId,
      JSON.stringify(
        events.map((event) => ({
          actor_id: event.actorId,
          kind: event.kind,
          from_status: event.fromStatus,
          to_status: event.toStatus,
          reason: event.reason,
          revision: event.revision,
          order_id: event.orderId ?? null,
        })),
      ),
    ]);
  }

  /** Quoted quotes past their last valid day become expired; how many did. */
  async expireDue(today: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = (await manager.query(EXPIRE_DUE_SQL, [today])) as { count: number }[];
    return row?.count ?? 0;
  }

  /**
   * Quoted quotes whose prices lapse within `days` of today and whose buyer
   * has not yet been told for this date: marked told, and returned (the
   * caller notifies in the same transaction, so the notice goes out once).
   */
  async claimExpiryNotices(
    tx: EntityManager,
    today: string,
    days: number,
  ): Promise<
    { id: string; number: string; accountId: string; createdBy: string | null; validUntil: string }[]
  > {
    const [rows] = (await tx.query(
      `WITH due AS (
         SELECT id FROM quotes
          WHERE status = 'quoted' AND valid_until >= $1::date AND valid_until <= $1::date + $2::int
            AND expiry_notice_for IS DISTINCT FROM valid_until
          ORDER BY id FOR UPDATE SKIP LOCKED
       )
       UPDATE quotes q SET expiry_notice_for = q.valid_until FROM due WHERE q.id = due.id
       RETURNING q.id, q.number, q.account_id AS "accountId", q.created_by AS "createdBy",
                 q.valid_until::text AS "validUntil"`,
      [today, days],
    )) as [
      { id: string; number: string; accountId: string; createdBy: string | null; validUntil: string }[],
      number,
    ];
    // An UPDATE answers [rows, count] through TypeORM.
    return rows;
  }

  /** Who hears about a quote on the buyer's side: the customer user who asked, else the account's active customer users. */
  async buyersToTell(manager: EntityManager, accountId: string, createdBy: string | null): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT u.id FROM users u
        WHERE u.active AND u.account_id = $1 AND u.role IN ('buyer', 'approver')
          AND (u.id = $2 OR NOT EXISTS (
                SELECT 1 FROM users c WHERE c.id = $2 AND c.account_id = $1 AND c.role IN ('buyer', 'approver')))`,
      [accountId, createdBy],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
