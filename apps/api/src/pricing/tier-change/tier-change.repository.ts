import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** How many recent order lines a tier change is shown against. */
export const TIER_CHANGE_LINES = 5;

export interface RecentLineRow {
  orderNumber: string;
  orderedAt: Date;
  productId: string;
  sku: string;
  name: string;
  listPrice: string;
  minOrderQty: number;
  quantity: number;
  unitPrice: string;
}

/** The reads (and the one rolled-back write) of a tier change preview. */
@Injectable()
export class TierChangeRepository {
  /** The account's most recent order line of each product, newest first (orders neither cancelled nor rejected). */
  async recentLines(tx: EntityManager, accountId: string): Promise<RecentLineRow[]> {
    return (await tx.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (l.product_id)
                o.number AS "orderNumber", o.placed_at AS "orderedAt", p.id AS "productId", p.sku, p.name,
                p.list_price::text AS "listPrice", p.min_order_qty AS "minOrderQty", l.quantity,
                l.unit_price::text AS "unitPrice"
           FROM order_lines l
           JOIN orders o ON o.id = l.order_id
           JOIN products p ON p.id = l.product_id
          WHERE o.account_id = $1 AND o.status NOT IN ('cancelled', 'rejected')
          ORDER BY l.product_id, o.placed_at DESC, l.line_no
       ) recent
       ORDER BY "orderedAt" DESC, sku
       LIMIT ${TIER_CHANGE_LINES}`,
      [accountId],
    )) as RecentLineRow[];
  }

  async tier(tx: EntityManager, tierId: string): Promise<{ id: string; name: string } | undefined> {
    const rows = (await tx.query('SELECT id, name FROM price_tiers WHERE id = $1', [tierId])) as {
      id: string;
      name: string;
    }[];
    return rows[0];
  }

  async currentTier(tx: EntityManager, accountId: string): Promise<{ id: string; name: string } | null> {
    const rows = (await tx.query(
      'SELECT t.id, t.name FROM accounts a JOIN price_tiers t ON t.id = a.price_tier_id WHERE a.id = $1',
      [accountId],
    )) as { id: string; name: string }[];
    return rows[0] ?? null;
  }

  /** Moves the account to the tier inside the caller's transaction, which the caller rolls back. */
  async moveForPreview(tx: EntityManager, accountId: string, tierId: string | null): Promise<void> {
    await tx.query('UPDATE accounts SET price_tier_id = $2 WHERE id = $1', [accountId, tierId]);
  }
}
