import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A cart line as ordering takes it: the product and how many. */
export interface CartOrderLine {
  productId: string;
  quantity: number;
}

/**
 * What ordering needs of a cart: read the user's lines and empty the cart,
 * both inside the placing transaction, so an order placed from the cart
 * and the cart being emptied commit together (or neither does).
 */
export interface CartReader {
  /** The user's cart lines for the account, locked until the transaction ends; empty when there is no cart. */
  linesForOrder(tx: EntityManager, userId: string, accountId: string): Promise<CartOrderLine[]>;
  /** Empties the cart once its lines are ordered. */
  clearAfterOrder(tx: EntityManager, userId: string, accountId: string): Promise<void>;
}

/**
 * The seam between ordering and the cart. Ordering places orders from a
 * cart when `POST /api/orders` has no `lines`; the cart context (which
 * itself reads orders, to reorder them) plugs its reader in at start-up:
 *
 *   constructor(cartPort: CartPort) { cartPort.connect(this) }
 *
 * Until one is connected every cart is empty, and an order without lines
 * answers 400 "the cart is empty".
 */
@Injectable()
export class CartPort {
  private reader: CartReader | undefined;

  connect(reader: CartReader): void {
    this.reader = reader;
  }

  linesForOrder(tx: EntityManager, userId: string, accountId: string): Promise<CartOrderLine[]> {
    return this.reader ? this.reader.linesForOrder(tx, userId, accountId) : Promise.resolve([]);
  }

  async clearAfterOrder(tx: EntityManager, userId: string, accountId: string): Promise<void> {
    await this.reader?.clearAfterOrder(tx, userId, accountId);
  }
}
