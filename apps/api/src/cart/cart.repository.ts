import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { MergeProduct } from '@tradecounter/domain';

/** A cart line with what showing it needs of its product (active or not). */
export interface CartLineRow {
  productId: string;
  quantity: number;
  sku: string;
  name: string;
  unit: string;
  listPrice: string;
  minOrderQty: number;
  orderMultiple: number;
  active: boolean;
  /** The product's image version; null without an image. */
  imageVersion: string | null;
}

export interface CartRows {
  /** Null when the user has never had a cart. */
  updatedAt: Date | null;
  lines: CartLineRow[];
}

/** A product as the cart resolves it from an id or a SKU. */
export interface CartProduct extends MergeProduct {
  name: string;
}

/**
 * The cart and its lines, the only TypeORM code of the cart. Every change
 * locks the cart row first (`lockCart`): changes to one cart, and an order
 * placed from it, run one at a time, each reading lines only once it holds
 * the lock, so none works from lines another has since changed.
 */
@Injectable()
export class CartRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The cart's lines in the order they were added, with their products, in one query whatever their number. */
  async read(userId: string): Promise<CartRows> {
    const rows = (await this.dataSource.query(
      `SELECT c.updated_at AS "updatedAt", l.product_id AS "productId", l.quantity, p.sku, p.name, p.unit,
              p.list_price::text AS "listPrice", p.min_order_qty AS "minOrderQty",
              p.order_multiple AS "orderMultiple", p.active, i.version AS "imageVersion"
         FROM carts c
         LEFT JOIN cart_lines l ON l.user_id = c.user_id
         LEFT JOIN products p ON p.id = l.product_id
         LEFT JOIN product_images i ON i.product_id = l.product_id
        WHERE c.user_id = $1
        ORDER BY l.added_at, p.sku`,
      [userId],
    )) as (Omit<CartLineRow, 'productId'> & { productId: string | null; updatedAt: Date })[];
    const first = rows[0];
    if (!first) return { updatedAt: null, lines: [] };
    return {
      updatedAt: first.updatedAt,
      lines: rows.flatMap(({ updatedAt: _updatedAt, productId, ...line }) =>
        productId ? [{ productId, ...line }] : [],
      ),
    };
  }

  /** Products named by id, or by SKU whatever its case, active or not. */
  products(ids: string[], skus: string[]): Promise<CartProduct[]> {
    if (ids.length === 0 && skus.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT id, sku, name, active, min_order_qty AS "minOrderQty", order_multiple AS "orderMultiple"
         FROM products
        WHERE id = ANY($1::uuid[]) OR lower(sku) = ANY($2::text[])`,
      [ids, skus.map((sku) => sku.toLowerCase())],
    ) as Promise<CartProduct[]>;
  }

  /** Makes the cart if need be and locks its row until the transaction ends. */
  async lockCart(tx: EntityManager, userId: string, accountId: string): Promise<void> {
    await tx.query(
      `INSERT INTO carts (user_id, account_id) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET account_id = excluded.account_id`,
      [userId, accountId],
    );
  }

  /** Locks the cart row if there is one (for ordering, which never makes a cart); true when there is. */
  async lockExisting(tx: EntityManager, userId: string, accountId: string): Promise<boolean> {
    const rows = (await tx.query('SELECT 1 FROM carts WHERE user_id = $1 AND account_id = $2 FOR UPDATE', [
      userId,
      accountId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /**
   * Quantity per product, in the cart's order; read after `lockCart`, so
   * nothing changes it until the transaction ends.
   */
  async quantities(tx: EntityManager, userId: string): Promise<Map<string, number>> {
    const rows = (await tx.query(
      `SELECT l.product_id AS "productId", l.quantity
         FROM cart_lines l JOIN products p ON p.id = l.product_id
        WHERE l.user_id = $1
        ORDER BY l.added_at, p.sku`,
      [userId],
    )) as { productId: string; quantity: number }[];
    return new Map(rows.map((row) => [row.productId, row.quantity]));
  }

  /**
   * Adds to each product's line (a new line for a product not yet in the
   * cart, after the others, in the order given). Quantities are summed in
   * the statement itself, so even a writer that skipped the cart lock could
   * never lose a line or a unit.
   */
  async add(
    tx: EntityManager,
    userId: string,
    lines: { productId: string; quantity: number }[],
  ): Promise<void> {
    if (lines.length === 0) return;
    await tx.query(
      `WITH added AS (
         INSERT INTO cart_lines (user_id, account_id, product_id, quantity, added_at)
         SELECT c.user_id, c.account_id, v.product_id, v.quantity, clock_timestamp()
           FROM carts c, unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS v(product_id, quantity, n)
          WHERE c.user_id = $1
          ORDER BY v.n
         ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = cart_lines.quantity + excluded.quantity
         RETURNING 1)
       UPDATE carts SET updated_at = now(), version = version + 1 WHERE user_id = $1`,
      [userId, lines.map((line) => line.productId), lines.map((line) => line.quantity)],
    );
  }

  /** Sets a product's line to exactly this quantity. */
  async set(tx: EntityManager, userId: string, productId: string, quantity: number): Promise<void> {
    await tx.query(
      `WITH saved AS (
         INSERT INTO cart_lines (user_id, account_id, product_id, quantity)
         SELECT user_id, account_id, $2, $3 FROM carts WHERE user_id = $1
         ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity
         RETURNING 1)
       UPDATE carts SET updated_at = now(), version = version + 1 WHERE user_id = $1`,
      [userId, productId, quantity],
    );
  }

  /** Removes one product's line, or every line; after `lockCart` or `lockExisting`. */
  async remove(tx: EntityManager, userId: string, productId?: string): Promise<void> {
    const [, removed] = (await tx.query(
      `DELETE FROM cart_lines WHERE user_id = $1${productId ? ' AND product_id = $2' : ''}`,
      productId ? [userId, productId] : [userId],
    )) as [unknown, number];
    if (removed > 0) {
      await tx.query('UPDATE carts SET updated_at = now(), version = version + 1 WHERE user_id = $1', [
        userId,
      ]);
    }
  }
}
