import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind as AnyNotificationKind } from '@tradecounter/contracts';
import type { NotificationAudience, NotificationKind } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { prepared } from '../database/prepared-statements';

/** A notification for an audience of one account's order, before its people are known. */
export interface AddressedDraft {
  audience: NotificationAudience;
  kind: NotificationKind;
  title: string;
  body: string;
  accountId: string;
  placedBy: string | null;
  orderId: string;
  eventId: string;
}

/** A notification about a sales quote, for named users. */
export interface QuoteNotificationDraft {
  userIds: string[];
  kind: AnyNotificationKind;
  title: string;
  body: string;
  quoteId: string;
}

/** A notification about a return (RMA), for named users; `orderId` links an order it is also about (a held order). */
export interface ReturnNotificationDraft {
  userIds: string[];
  kind: AnyNotificationKind;
  title: string;
  body: string;
  returnId: string;
  orderId?: string | null;
}

/** A notification as made, with whom to e-mail. */
export interface MadeNotification {
  userId: string;
  email: string;
  name: string;
  kind: string;
  title: string;
  body: string;
  orderId: string | null;
  /** The order event it is about (order notifications only). */
  eventId?: string;
  /** The shipment an `order_shipped` notification is about: its packing slip goes with the e-mail. */
  shipmentId?: string;
  /** The return a return notification is about. */
  returnId?: string | null;
}

export interface NotificationRow {
  id: string;
  kind: AnyNotificationKind;
  title: string;
  body: string;
  orderId: string | null;
  quoteId: string | null;
  standingOrderId: string | null;
  returnId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/**
 * Each draft for its audience's active users: the order's customer is its
 * placer when a customer user placed it, else the account's customer users
 * (an order placed by phone); approvers are the account's; the account
 * manager is the account's. One statement for a whole batch of events.
 */
const INSERT_SQL = prepared(
  'notifications_insert_for_events',
  `
WITH d AS (
  SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (audience text, kind text, title text, body text,
         account_id uuid, placed_by uuid, order_id uuid, event_id bigint))
         WITH ORDINALITY AS d(audience, kind, title, body, account_id, placed_by, order_id, event_id, n)
), placer AS (
  SELECT d.n, p.id FROM d JOIN users p ON p.id = d.placed_by AND p.active AND p.role IN ('buyer', 'approver')
), recipients AS (
  SELECT d.n, p.id AS user_id FROM d JOIN placer p ON p.n = d.n WHERE d.audience = 'customer'
  UNION
  SELECT d.n, u.id FROM d JOIN users u ON u.account_id = d.account_id AND u.active AND u.role IN ('buyer', 'approver')
   WHERE d.audience = 'customer' AND NOT EXISTS (SELECT 1 FROM placer p WHERE p.n = d.n)
  UNION
  SELECT d.n, u.id FROM d JOIN users u ON u.account_id = d.account_id AND u.active AND u.role = 'approver'
   WHERE d.audience = 'approvers'
  UNION
  SELECT d.n, u.id FROM d JOIN accounts a ON a.id = d.account_id JOIN users u ON u.id = a.account_manager_id AND u.active
   WHERE d.audience = 'accountManager'
), inserted AS (
  INSERT INTO notifications (user_id, kind, title, body, order_id, event_id)
  SELECT r.user_id, d.kind, d.title, d.body, d.order_id, d.event_id
    FROM recipients r JOIN d ON d.n = r.n
   ORDER BY d.n, r.user_id
  RETURNING user_id, kind, title, body, order_id, event_id
)
SELECT i.user_id AS "userId", u.email, u.name, i.kind, i.title, i.body, i.order_id AS "orderId", i.event_id::text AS "eventId"
  FROM inserted i JOIN users u ON u.id = i.user_id`,
);

/** A notification about a standing order, for its maker when a customer user made it, else the account's customer users. */
export interface StandingOrderNotice {
  kind: 'standing_order_preview' | 'standing_order_placed' | 'standing_order_failed';
  title: string;
  body: string;
  accountId: string;
  createdBy: string | null;
  standingOrderId: string;
  orderId: string | null;
}

const INSERT_STANDING_SQL = `
WITH d AS (
  SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (kind text, title text, body text, account_id uuid,
         created_by uuid, standing_order_id uuid, order_id uuid))
         WITH ORDINALITY AS d(kind, title, body, account_id, created_by, standing_order_id, order_id, n)
), maker AS (
  SELECT d.n, u.id FROM d JOIN users u ON u.id = d.created_by AND u.active AND u.role IN ('buyer', 'approver')
                   AND u.account_id = d.account_id
), recipients AS (
  SELECT n, id AS user_id FROM maker
  UNION
  SELECT d.n, u.id FROM d JOIN users u ON u.account_id = d.account_id AND u.active AND u.role IN ('buyer', 'approver')
   WHERE NOT EXISTS (SELECT 1 FROM maker m WHERE m.n = d.n)
), inserted AS (
  INSERT INTO notifications (user_id, kind, title, body, order_id, standing_order_id)
  SELECT r.user_id, d.kind, d.title, d.body, d.order_id, d.standing_order_id
    FROM recipients r JOIN d ON d.n = r.n
   ORDER BY d.n, r.user_id
  RETURNING user_id, kind, title, body, order_id
)
SELECT i.user_id AS "userId", u.email, u.name, i.kind, i.title, i.body, i.order_id AS "orderId"
  FROM inserted i JOIN users u ON u.id = i.user_id`;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertFor(tx: EntityManager, drafts: AddressedDraft[]): Promise<MadeNotification[]> {
    if (drafts.length === 0) return [];
    const rows = drafts.map((draft) => ({
      audience: draft.audience,
      kind: draft.kind,
      title: draft.title,
      body: draft.body,
      account_id: draft.accountId,
      placed_by: draft.placedBy,
      order_id: draft.orderId,
      event_id: draft.eventId,
    }));
    return (await tx.query(INSERT_SQL, [JSON.stringify(rows)])) as MadeNotification[];
  }

  async insertForUsers(tx: EntityManager, drafts: QuoteNotificationDraft[]): Promise<MadeNotification[]> {
    const rows = drafts.flatMap((draft) =>
      [...new Set(draft.userIds)].map((userId) => ({
        user_id: userId,
        kind: draft.kind,
        title: draft.title,
        body: draft.body,
        quote_id: draft.quoteId,
      })),
    );
    if (rows.length === 0) return [];
    return (await tx.query(
      `WITH inserted AS (
         INSERT INTO notifications (user_id, kind, title, body, quote_id)
         SELECT d.user_id, d.kind, d.title, d.body, d.quote_id
           FROM jsonb_to_recordset($1::jsonb) AS d(user_id uuid, kind text, title text, body text, quote_id uuid)
           JOIN users u ON u.id = d.user_id AND u.active
         RETURNING user_id, kind, title, body, order_id
       )
       SELECT i.user_id AS "userId", u.email, u.name, i.kind, i.title, i.body, i.order_id AS "orderId"
         FROM inserted i JOIN users u ON u.id = i.user_id`,
      [JSON.stringify(rows)],
    )) as MadeNotification[];
  }

  async insertForReturn(tx: EntityManager, drafts: ReturnNotificationDraft[]): Promise<MadeNotification[]> {
    const rows = drafts.flatMap((draft) =>
      [...new Set(draft.userIds)].map((userId) => ({
        user_id: userId,
        kind: draft.kind,
        title: draft.title,
        body: draft.body,
        return_id: draft.returnId,
        order_id: draft.orderId ?? null,
      })),
    );
    if (rows.length === 0) return [];
    return (await tx.query(
      `WITH inserted AS (
         INSERT INTO notifications (user_id, kind, title, body, return_id, order_id)
         SELECT d.user_id, d.kind, d.title, d.body, d.return_id, d.order_id
           FROM jsonb_to_recordset($1::jsonb)
                AS d(user_id uuid, kind text, title text, body text, return_id uuid, order_id uuid)
           JOIN users u ON u.id = d.user_id AND u.active
         RETURNING user_id, kind, title, body, order_id, return_id
       )
       SELECT i.user_id AS "userId", u.email, u.name, i.kind, i.title, i.body, i.order_id AS "orderId",
              i.return_id AS "returnId"
         FROM inserted i JOIN users u ON u.id = i.user_id`,
      [JSON.stringify(rows)],
    )) as MadeNotification[];
  }

  async insertStanding(tx: EntityManager, notices: StandingOrderNotice[]): Promise<MadeNotification[]> {
    if (notices.length === 0) return [];
    const rows = notices.map((notice) => ({
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      account_id: notice.accountId,
      created_by: notice.createdBy,
      standing_order_id: notice.standingOrderId,
      order_id: notice.orderId,
    }));
    return (await tx.query(INSERT_STANDING_SQL, [JSON.stringify(rows)])) as MadeNotification[];
  }

  async list(userId: string, unreadOnly: boolean, page: PageRequest): Promise<[NotificationRow[], number]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, title, body, order_id AS "orderId", quote_id AS "quoteId",
              standing_order_id AS "standingOrderId", return_id AS "returnId", read_at AS "readAt", created_at AS "createdAt",
              count(*) OVER () AS total
         FROM notifications WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, page.pageSize, page.offset],
    )) as (NotificationRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(userId, unreadOnly, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(({ total: _total, ...row }) => row), rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as { count: number }[];
    return row?.count ?? 0;
  }

  /** Whether the user has that notification (read now, if it was not). */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    )) as [unknown[], number];
    return rows[1] > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as [unknown[], number];
    return result[1];
  }
}
