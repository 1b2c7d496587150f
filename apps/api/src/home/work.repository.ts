import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BuyAgainItem, OrderStatus } from '@tradecounter/contracts';
import type { AccountScope } from '@tradecounter/domain';

/**
 * The account's purchases of the last 12 months, one row per product still
 * sold: the latest order's price and quantity. orders_account_placed_idx
 * finds the orders, order_lines_order_idx their lines.
 */
const BUY_AGAIN_SQL = `
  SELECT p.id AS "productId", p.sku, p.name, p.unit,
         p.min_order_qty AS "minOrderQty", p.order_multiple AS "orderMultiple",
         last.unit_price::text AS "lastUnitPrice", last.currency, last.quantity AS "lastQuantity",
         last.placed_at AS "lastOrderedAt", last.order_id AS "lastOrderId", last.number AS "lastOrderNumber",
         last.times AS "timesOrdered"
    FROM (
      SELECT DISTINCT ON (l.product_id)
             l.product_id, l.unit_price, l.quantity, o.currency, o.placed_at, o.id AS order_id, o.number,
             count(*) OVER (PARTITION BY l.product_id)::int AS times
        FROM orders o
        JOIN order_lines l ON l.order_id = o.id
       WHERE o.account_id = $1
         AND o.placed_at >= now() - interval '12 months'
         AND o.status NOT IN ('cancelled', 'rejected')
       ORDER BY l.product_id, o.placed_at DESC, l.line_no
    ) last
    JOIN products p ON p.id = last.product_id AND p.active
   ORDER BY last.placed_at DESC, p.sku
   LIMIT $2`;

/** Orders still being fulfilled: confirmed and not yet fully shipped. */
export const FULFILMENT_WORK: readonly OrderStatus[] = [
  'confirmed',
  'picking',
  'packed',
  'partially_shipped',
];

/** Cheap counts of what waits; every order count within an account scope. */
@Injectable()
export class WorkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async buyAgain(accountId: string, limit: number): Promise<BuyAgainItem[]> {
    const rows = (await this.dataSource.query(BUY_AGAIN_SQL, [accountId, limit])) as (Omit<
      BuyAgainItem,
      'lastOrderedAt'
    > & { lastOrderedAt: Date })[];
    return rows.map((row) => ({ ...row, lastOrderedAt: new Date(row.lastOrderedAt).toISOString() }));
  }

  /** Orders in one of `statuses` that the scope reaches (orders_status_idx). */
  async ordersIn(scope: AccountScope, statuses: readonly OrderStatus[]): Promise<number> {
    const params: unknown[] = [statuses];
    let where = 'o.status = ANY($1::text[])';
    if (scope.kind === 'account') {
      params.push(scope.accountId);
      where += ' AND o.account_id = $2::uuid';
    } else if (scope.kind === 'managedBy') {
      params.push(scope.accountManagerId);
      where += ' AND o.account_id IN (SELECT id FROM accounts WHERE account_manager_id = $2::uuid)';
    }
    return this.count(`SELECT count(*)::int AS n FROM orders o WHERE ${where}`, params);
  }

  cartLines(userId: string): Promise<number> {
    return this.count('SELECT count(*)::int AS n FROM cart_lines WHERE user_id = $1', [userId]);
  }

  /** notifications_unread_idx. */
  unreadNotifications(userId: string): Promise<number> {
    return this.count('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [
      userId,
    ]);
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = (await this.dataSource.query(sql, params)) as { n: number }[];
    return row?.n ?? 0;
  }
}
