import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { StandingOrderRunLineChange, StandingOrderRunStatus } from '@tradecounter/contracts';
import type { AccountScope } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';

/** The columns a standing order is read and changed by. */
export interface StandingOrderRow {
  id: string;
  accountId: string;
  accountName: string;
  name: string;
  status: 'active' | 'paused';
  shippingAddressId: string;
  poPattern: string | null;
  scheduleEvery: 'week' | 'month';
  scheduleInterval: number;
  scheduleWeekday: number | null;
  scheduleDayOfMonth: number | null;
  scheduleLastDay: boolean;
  startDate: string;
  endDate: string | null;
  resumeOn: string | null;
  nextRunDate: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StandingOrderLineRow {
  standingOrderId: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  active: boolean;
  backorderable: boolean;
  minOrderQty: number;
  orderMultiple: number;
}

export interface StandingOrderRunRow {
  runDate: string;
  status: Exclude<StandingOrderRunStatus, 'skipped'>;
  orderId: string | null;
  orderNumber: string | null;
  droppedLines: StandingOrderRunLineChange[];
  cappedLines: StandingOrderRunLineChange[];
  reason: string | null;
  createdAt: Date;
}

/** What a standing order is written with (create, or the fields a change sets). */
export interface StandingOrderFields {
  name: string;
  status: 'active' | 'paused';
  shippingAddressId: string;
  poPattern: string | null;
  scheduleEvery: 'week' | 'month';
  scheduleInterval: number;
  scheduleWeekday: number | null;
  scheduleDayOfMonth: number | null;
  scheduleLastDay: boolean;
  startDate: string;
  endDate: string | null;
  resumeOn: string | null;
  nextRunDate: string | null;
}

/** A due standing order as the runner claims it: its row and its account's status. */
export interface DueStandingOrder extends StandingOrderRow {
  accountStatus: string;
}

/** A run as the runner records it. */
export interface RecordedRun {
  standingOrderId: string;
  runDate: string;
  status: Exclude<StandingOrderRunStatus, 'skipped'>;
  orderId: string | null;
  droppedLines: StandingOrderRunLineChange[];
  cappedLines: StandingOrderRunLineChange[];
  reason: string | null;
}

export interface StandingOrderFilter {
  scope: AccountScope;
  accountId?: string;
  status?: 'active' | 'paused';
}

const COLUMNS = `
  s.id, s.account_id AS "accountId", a.name AS "accountName", s.name, s.status,
  s.shipping_address_id AS "shippingAddressId", s.po_pattern AS "poPattern",
  s.schedule_every AS "scheduleEvery", s.schedule_interval AS "scheduleInterval",
  s.schedule_weekday AS "scheduleWeekday", s.schedule_day_of_month AS "scheduleDayOfMonth",
  s.schedule_last_day AS "scheduleLastDay", s.start_date::text AS "startDate", s.end_date::text AS "endDate",
  s.resume_on::text AS "resumeOn", s.next_run_date::text AS "nextRunDate", s.created_by AS "createdBy",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const FIELD_COLUMNS: Record<keyof StandingOrderFields, string> = {
  name: 'name',
  status: 'status',
  shippingAddressId: 'shipping_address_id',
  poPattern: 'po_pattern',
  scheduleEvery: 'schedule_every',
  scheduleInterval: 'schedule_interval',
  scheduleWeekday: 'schedule_weekday',
  scheduleDayOfMonth: 'schedule_day_of_month',
  scheduleLastDay: 'schedule_last_day',
  startDate: 'start_date',
  endDate: 'end_date',
  resumeOn: 'resume_on',
  nextRunDate: 'next_run_date',
};

function scopeClause(scope: AccountScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'account':
      params.push(scope.accountId);
      return `s.account_id = $${params.length}`;
    case 'managedBy':
      params.push(scope.accountManagerId);
      return `a.account_manager_id = $${params.length}`;
  }
}

/** The only SQL of standing orders: their rows, lines, skips and runs, and the runner's claim. */
@Injectable()
export class StandingOrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: StandingOrderFilter, page: PageRequest): Promise<[StandingOrderRow[], number]> {
    const params: unknown[] = [];
    const where = [scopeClause(filter.scope, params)];
    if (filter.accountId) {
      params.push(filter.accountId);
      where.push(`s.account_id = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`s.status = $${params.length}`);
    }
    params.push(page.pageSize, page.offset);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total
         FROM standing_orders s JOIN accounts a ON a.id = s.account_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.created_at DESC, s.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as (StandingOrderRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(({ total: _total, ...row }) => row), rows[0] ? Number(rows[0].total) : 0];
  }

  /** The standing order within the scope, or undefined (another account's is not there). */
  async find(
    scope: AccountScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<StandingOrderRow | undefined> {
    const params: unknown[] = [id];
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM standing_orders s JOIN accounts a ON a.id = s.account_id
        WHERE s.id = $1 AND ${scopeClause(scope, params)}${options.lock ? ' FOR UPDATE OF s' : ''}`,
      params,
    )) as StandingOrderRow[];
    return rows[0];
  }

  linesOf(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<StandingOrderLineRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT l.standing_order_id AS "standingOrderId", l.product_id AS "productId", p.sku, p.name, l.quantity,
              p.active, p.backorderable, p.min_order_qty AS "minOrderQty", p.order_multiple AS "orderMultiple"
         FROM standing_order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.standing_order_id = ANY($1::uuid[])
        ORDER BY l.standing_order_id, l.line_no`,
      [ids],
    ) as Promise<StandingOrderLineRow[]>;
  }

  async skipsOf(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const skips = new Map<string, string[]>();
    if (ids.length === 0) return skips;
    const rows = (await manager.query(
      `SELECT standing_order_id AS id, run_date::text AS "runDate" FROM standing_order_skips
        WHERE standing_order_id = ANY($1::uuid[]) ORDER BY run_date`,
      [ids],
    )) as { id: string; runDate: string }[];
    for (const row of rows) skips.set(row.id, [...(skips.get(row.id) ?? []), row.runDate]);
    return skips;
  }

  runsOf(id: string, limit: number): Promise<StandingOrderRunRow[]> {
    return this.dataSource.query(
      `SELECT r.run_date::text AS "runDate", r.status, r.order_id AS "orderId", o.number AS "orderNumber",
              r.dropped_lines AS "droppedLines", r.capped_lines AS "cappedLines", r.reason, r.created_at AS "createdAt"
         FROM standing_order_runs r LEFT JOIN orders o ON o.id = r.order_id
        WHERE r.standing_order_id = $1 ORDER BY r.run_date DESC LIMIT $2`,
      [id, limit],
    ) as Promise<StandingOrderRunRow[]>;
  }

  /** The latest date the runner has handled, or null. */
  async lastRunDate(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT max(run_date)::text AS "runDate" FROM standing_order_runs WHERE standing_order_id = $1`,
      [id],
    )) as { runDate: string | null }[];
    return row?.runDate ?? null;
  }

  async hasRun(manager: EntityManager, id: string, runDate: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM standing_order_runs WHERE standing_order_id = $1 AND run_date = $2`,
      [id, runDate],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    accountId: string,
    createdBy: string,
    fields: StandingOrderFields,
  ): Promise<string> {
    const keys = Object.keys(FIELD_COLUMNS) as (keyof StandingOrderFields)[];
    const rows = (await manager.query(
      `INSERT INTO standing_orders (account_id, created_by, ${keys.map((key) => FIELD_COLUMNS[key]).join(', ')})
       VALUES ($1, $2, ${keys.map((_, index) => `$${index + 3}`).join(', ')}) RETURNING id`,
      [accountId, createdBy, ...keys.map((key) => fields[key])],
    )) as { id: string }[];
    const id = rows[0]?.id;
    if (!id) throw new Error('INSERT … RETURNING gave no id');
    return id;
  }

  async update(manager: EntityManager, id: string, fields: Partial<StandingOrderFields>): Promise<void> {
    const keys = (Object.keys(fields) as (keyof StandingOrderFields)[]).filter(
      (key) => fields[key] !== undefined,
    );
    await manager.query(
      `UPDATE standing_orders SET updated_at = now()${keys.map((key, index) => `, ${FIELD_COLUMNS[key]} = $${index + 2}`).join('')}
        WHERE id = $1`,
      [id, ...keys.map((key) => fields[key])],
    );
  }

  async replaceLines(
    manager: EntityManager,
    id: string,
    lines: { productId: string; quantity: number }[],
  ): Promise<void> {
    await manager.query(`DELETE FROM standing_order_lines WHERE standing_order_id = $1`, [id]);
    await manager.query(
      `INSERT INTO standing_order_lines (standing_order_id, account_id, product_id, line_no, quantity)
       SELECT s.id, s.account_id, l.product_id, l.n, l.quantity
         FROM standing_orders s, unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS l(product_id, quantity, n)
        WHERE s.id = $1`,
      [id, lines.map((line) => line.productId), lines.map((line) => line.quantity)],
    );
  }

  async addSkip(manager: EntityManager, id: string, runDate: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO standing_order_skips (standing_order_id, account_id, run_date, skipped_by)
       SELECT id, account_id, $2, $3 FROM standing_orders WHERE id = $1
       ON CONFLICT DO NOTHING`,
      [id, runDate, userId],
    );
  }

  async removeSkip(manager: EntityManager, id: string, runDate: string): Promise<boolean> {
    const result = (await manager.query(
      `DELETE FROM standing_order_skips WHERE standing_order_id = $1 AND run_date = $2`,
      [id, runDate],
    )) as [unknown[], number];
    return result[1] > 0;
  }

  // ---- the runner -------------------------------------------------------------------

  /**
   * Up to `limit` standing orders whose next run has come, locked for the
   * caller's transaction; rows another process holds are skipped, so
   * several processes share the due runs and never take the same one.
   */
  claimDue(manager: EntityManager, today: string, limit: number): Promise<DueStandingOrder[]> {
    return manager.query(
      `SELECT ${COLUMNS}, a.status AS "accountStatus"
         FROM standing_orders s JOIN accounts a ON a.id = s.account_id
        WHERE s.next_run_date <= $1
        ORDER BY s.next_run_date, s.id
        LIMIT $2
        FOR UPDATE OF s SKIP LOCKED`,
      [today, limit],
    ) as Promise<DueStandingOrder[]>;
  }

  /**
   * Records each run once: a date already recorded (the unique run key) is
   * left as it was. Answers the keys recorded now.
   */
  async recordRuns(manager: EntityManager, runs: RecordedRun[]): Promise<Set<string>> {
    if (runs.length === 0) return new Set();
    const rows = (await manager.query(
      `INSERT INTO standing_order_runs (standing_order_id, account_id, run_date, status, order_id, dropped_lines,
                                        capped_lines, reason)
       SELECT r.standing_order_id, s.account_id, r.run_date, r.status, r.order_id, r.dropped_lines, r.capped_lines,
              r.reason
         FROM jsonb_to_recordset($1::jsonb) AS r(standing_order_id uuid, run_date date, status text, order_id uuid,
              dropped_lines jsonb, capped_lines jsonb, reason text)
         JOIN standing_orders s ON s.id = r.standing_order_id
       ON CONFLICT (standing_order_id, run_date) DO NOTHING
       RETURNING standing_order_id AS id, run_date::text AS "runDate"`,
      [
        JSON.stringify(
          runs.map((run) => ({
            standing_order_id: run.standingOrderId,
            run_date: run.runDate,
            status: run.status,
            order_id: run.orderId,
            dropped_lines: run.droppedLines,
            capped_lines: run.cappedLines,
            reason: run.reason,
          })),
        ),
      ],
    )) as { id: string; runDate: string }[];
    return new Set(rows.map((row) => `${row.id}/${row.runDate}`));
  }

  /** After runs: each standing order's next date, and whether a pause has ended. */
  async advance(
    manager: EntityManager,
    moves: { id: string; nextRunDate: string | null; resumed: boolean }[],
  ): Promise<void> {
    if (moves.length === 0) return;
    await manager.query(
      `UPDATE standing_orders s
          SET next_run_date = m.next_run_date,
              status = CASE WHEN m.resumed THEN 'active' ELSE s.status END,
              resume_on = CASE WHEN m.resumed THEN NULL ELSE s.resume_on END,
              updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, next_run_date date, resumed boolean)
        WHERE s.id = m.id`,
      [
        JSON.stringify(
          moves.map((move) => ({ id: move.id, next_run_date: move.nextRunDate, resumed: move.resumed })),
        ),
      ],
    );
  }

  /** Active standing orders whose next run is within the preview window and has no preview yet. */
  previewCandidates(today: string, until: string, limit: number): Promise<StandingOrderRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM standing_orders s JOIN accounts a ON a.id = s.account_id
        WHERE s.next_run_date > $1 AND s.next_run_date <= $2
          AND NOT EXISTS (SELECT 1 FROM standing_order_previews p
                           WHERE p.standing_order_id = s.id AND p.run_date = s.next_run_date)
        ORDER BY s.next_run_date, s.id LIMIT $3`,
      [today, until, limit],
    ) as Promise<StandingOrderRow[]>;
  }

  /** Claims a run's preview: true for the one caller that records it first. */
  async claimPreview(manager: EntityManager, id: string, runDate: string): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO standing_order_previews (standing_order_id, account_id, run_date)
       SELECT id, account_id, $2 FROM standing_orders WHERE id = $1
       ON CONFLICT DO NOTHING RETURNING standing_order_id`,
      [id, runDate],
    )) as unknown[];
    return rows.length > 0;
  }
}
