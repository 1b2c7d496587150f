import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Cart, CartQuantityProblem } from '@tradecounter/contracts';
import {
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  nearestOrderable,
  PackRules,
  quantityProblem,
} from '@tradecounter/domain';
import { AvailabilityService } from '../availability/availability.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, forbidden, notFound, ProblemException } from '../common/http/problem';
import type { CartOrderLine, CartReader } from '../orders/cart-port';
import { PriceCalculator } from '../pricing/price-calculator';
import { toCart } from './cart.mapper';
import { CartRepository } from './cart.repository';

/**
 * A customer user's server-side cart: shown priced (PriceCalculator) and
 * promised (AvailabilityService) for the account's warehouse, in the same
 * few queries however many lines it has; edited one change at a time.
 *
 * It is also what ordering reads when `POST /api/orders` has no lines
 * (CartReader, plugged into the orders' CartPort by CartModule): the lines
 * are read with the cart locked and emptied in the order's transaction.
 */
@Injectable()
export class CartService implements CartReader {
  constructor(
    private readonly carts: CartRepository,
    private readonly calculator: PriceCalculator,
    private readonly availability: AvailabilityService,
    private readonly dataSource: DataSource,
  ) {}

  async view(actor: AuthUser): Promise<Cart> {
    const accountId = customerAccount(actor);
    const { updatedAt, lines } = await this.carts.read(actor.id);
    const [book, promised] = await Promise.all([
      this.calculator.priceBook(
        accountId,
        lines.map((line) => line.productId),
      ),
      this.availability.promise(this.dataSource.manager, {
        accountId,
        at: new Date(),
        lines: lines
          .filter((line) => line.active)
          .map((line) => ({ productId: line.productId, quantity: line.quantity })),
      }),
    ]);
    return toCart({ accountId, currency: this.calculator.currency, updatedAt, lines, book, promised });
  }

  /** Sets a product's line to `quantity` (adding the line if need be). */
  async setLine(actor: AuthUser, productId: string, quantity: unknown): Promise<Cart> {
    const accountId = customerAccount(actor);
    const [product] = await this.carts.products([productId], []);
    if (!product) throw notFound('Product');
    if (!product.active) {
      throw badRequest(`${product.sku} is no longer sold`, [
        { field: 'productId', message: 'is no longer sold' },
      ]);
    }
    const problem = quantityProblem(quantity, product);
    if (problem) throw quantityRefused(problem, quantity, product);
    await this.dataSource.transaction(async (tx) => {
      await this.carts.lockCart(tx, actor.id, accountId);
      const held = await this.carts.quantities(tx, actor.id);
      if (!held.has(productId)) refuseBeyondLimit(held.size + 1);
      await this.carts.set(tx, actor.id, productId, quantity as number);
    });
    return this.view(actor);
  }

  async removeLine(actor: AuthUser, productId: string): Promise<Cart> {
    await this.emptied(actor, productId);
    return this.view(actor);
  }

  async clear(actor: AuthUser): Promise<Cart> {
    await this.emptied(actor);
    return this.view(actor);
  }

  /** The cart's lines as they stand, oldest first (a template made from the cart). */
  async linesOf(actor: AuthUser): Promise<CartOrderLine[]> {
    const { lines } = await this.carts.read(actor.id);
    return lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
  }

  /** CartReader: the lines to order, read with the cart locked until the order's transaction ends. */
  async linesForOrder(tx: EntityManager, userId: string, accountId: string): Promise<CartOrderLine[]> {
    if (!(await this.carts.lockExisting(tx, userId, accountId))) return [];
    const held = await this.carts.quantities(tx, userId);
    return [...held].map(([productId, quantity]) => ({ productId, quantity }));
  }

  /** CartReader: empties the cart in the order's transaction, so both commit or neither does. */
  async clearAfterOrder(tx: EntityManager, userId: string, accountId: string): Promise<void> {
    if (await this.carts.lockExisting(tx, userId, accountId)) await this.carts.remove(tx, userId);
  }

  private async emptied(actor: AuthUser, productId?: string): Promise<void> {
    const accountId = customerAccount(actor);
    await this.dataSource.transaction(async (tx) => {
      if (await this.carts.lockExisting(tx, actor.id, accountId))
        await this.carts.remove(tx, actor.id, productId);
    });
  }
}

/** Carts are customers' own: the account is always the user's. */
export function customerAccount(actor: AuthUser): string {
  if (!actor.accountId) throw forbidden('Only users of a customer account have a cart');
  return actor.accountId;
}

/** 400 when the cart would hold more than MAX_CART_LINES lines. */
export function refuseBeyondLimit(lineCount: number): void {
  if (lineCount > MAX_CART_LINES) {
    throw badRequest(`A cart holds at most ${MAX_CART_LINES} lines; this would make ${lineCount}`, [
      { field: 'lines', message: `would make ${lineCount} lines; at most ${MAX_CART_LINES}` },
    ]);
  }
}

/** 400 with the buyer-facing reason and the nearest quantity that can be ordered. */
function quantityRefused(problem: string, quantity: unknown, rules: PackRules): ProblemException {
  const suggestion =
    typeof quantity === 'number' && Number.isFinite(quantity) && quantity > 0
      ? (nearestOrderable(quantity, rules) ?? undefined)
      : undefined;
  const extensions: Pick<CartQuantityProblem, 'suggestedQuantity'> =
    suggestion !== undefined && suggestion <= MAX_LINE_QUANTITY ? { suggestedQuantity: suggestion } : {};
  const hint = extensions.suggestedQuantity !== undefined ? `; ${extensions.suggestedQuantity} would do` : '';
  return new ProblemException(
    HttpStatus.BAD_REQUEST,
    `The quantity ${problem}${hint}`,
    [{ field: 'quantity', message: problem }],
    undefined,
    extensions,
  );
}
