import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QuickOrderResult, QuickOrderRowResult } from '@tradecounter/contracts';
import { MergeRow, MergeRowOutcome, parseQuickOrder, planCartMerge } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, ProblemException } from '../common/http/problem';
import { OrdersService } from '../orders/orders.service';
import { CartProduct, CartRepository } from './cart.repository';
import { CartService, customerAccount, refuseBeyondLimit } from './cart.service';

/** One row to add: typed or pasted, a CSV row, or a line of a past order or a template. */
export interface CartRowRequest {
  row: number;
  rows: number[];
  /** As written (unchecked); ignored when `productId` is given. */
  sku?: unknown;
  productId?: string;
  quantity: unknown;
  /** Why the row could not be read at all (a CSV row without a quantity, …). */
  unreadable?: string;
}

/** A CSV of 500 rows is a few kilobytes; far more than this is not a quick order. */
export const MAX_CSV_BYTES = 256 * 1024;
const SKU = /^\S{1,40}$/;

/**
 * Adding many rows to the cart at once: quick order (JSON), CSV import,
 * reorder and templates all come here. Rows are merged with the cart's lines
 * (quantities summed, pack rules checked on the sum), every row is reported
 * added or refused with its reason, and the good rows go in whatever the
 * others do. The cart row is locked for the change, and the lines are added
 * with INSERT … ON CONFLICT … quantity + excluded.quantity, so concurrent
 * quick orders for one user never lose a line.
 */
@Injectable()
export class CartMergeService {
  constructor(
    private readonly carts: CartRepository,
    private readonly cart: CartService,
    private readonly orders: OrdersService,
    private readonly dataSource: DataSource,
  ) {}

  quickOrder(actor: AuthUser, lines: { sku: unknown; quantity: unknown }[]): Promise<QuickOrderResult> {
    return this.merge(
      actor,
      lines.map((line, index) => ({
        row: index + 1,
        rows: [index + 1],
        sku: line.sku,
        quantity: line.quantity,
      })),
    );
  }

  /** A CSV (`sku,quantity`, header optional) or pasted `SKU quantity` lines: a result per row. */
  importCsv(actor: AuthUser, text: string): Promise<QuickOrderResult> {
    if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
      throw new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        `A quick-order file may be at most ${MAX_CSV_BYTES / 1024} KB`,
      );
    }
    const parsed = parseQuickOrder(text);
    if (parsed.lines.length === 0 && parsed.errors.length === 0) {
      throw badRequest('The file has no rows to add: write one "sku,quantity" per row');
    }
    return this.merge(actor, [
      ...parsed.lines.map((line) => ({
        row: line.rows[0] ?? 0,
        rows: line.rows,
        sku: line.sku,
        quantity: line.quantity,
      })),
      ...parsed.errors.map((error) => ({
        row: error.row,
        rows: [error.row],
        quantity: null,
        unreadable: error.reason,
      })),
    ]);
  }

  /** A past order of the account, any status, back into the cart; products no longer sold are reported. */
  async reorder(actor: AuthUser, orderId: string): Promise<QuickOrderResult> {
    customerAccount(actor);
    const order = await this.orders.get(actor, orderId);
    return this.merge(
      actor,
      order.lines.map((line, index) => ({
        row: index + 1,
        rows: [index + 1],
        sku: line.sku,
        productId: line.productId,
        quantity: line.quantity,
      })),
    );
  }

  async merge(actor: AuthUser, requests: CartRowRequest[]): Promise<QuickOrderResult> {
    const accountId = customerAccount(actor);
    const ids = requests.flatMap((request) => (request.productId ? [request.productId] : []));
    const skus = requests.flatMap((request) =>
      !request.productId && typeof request.sku === 'string' && SKU.test(request.sku.trim())
        ? [request.sku.trim()]
        : [],
    );
    const products = await this.carts.products(ids, skus);
    const rows = requests.map((request) => resolveRow(request, products));
    const plan = await this.dataSource.transaction(async (tx) => {
      await this.carts.lockCart(tx, actor.id, accountId);
      const planned = planCartMerge(rows, await this.carts.quantities(tx, actor.id));
      refuseBeyondLimit(planned.lineCount);
      await this.carts.add(tx, actor.id, planned.additions);
      return planned;
    });
    const results = plan.rows.map(toRowResult);
    return {
      cart: await this.cart.view(actor),
      rows: results,
      added: results.filter((row) => row.status === 'added').length,
      failed: results.filter((row) => row.status === 'error').length,
    };
  }
}

/** The row with its product: by id, else by SKU (the exact spelling first, then whatever its case). */
function resolveRow(request: CartRowRequest, products: CartProduct[]): MergeRow {
  const base = { row: request.row, rows: request.rows, quantity: request.quantity };
  if (request.unreadable) return { ...base, sku: null, product: null, unreadable: request.unreadable };
  if (request.productId) {
    const product = products.find((candidate) => candidate.id === request.productId) ?? null;
    return { ...base, sku: typeof request.sku === 'string' ? request.sku : null, product };
  }
  const sku = request.sku;
  if (sku === undefined || sku === null || (typeof sku === 'string' && sku.trim() === '')) {
    return { ...base, sku: null, product: null, unreadable: 'the SKU is missing' };
  }
  if (typeof sku !== 'string')
    return { ...base, sku: null, product: null, unreadable: 'the SKU must be text' };
  const written = sku.trim();
  if (!SKU.test(written)) {
    return {
      ...base,
      sku: written.slice(0, 40),
      product: null,
      unreadable: 'a SKU is 1 to 40 characters without spaces',
    };
  }
  const exact = products.find((candidate) => candidate.sku === written);
  const alike = products.filter((candidate) => candidate.sku.toLowerCase() === written.toLowerCase());
  if (!exact && alike.length > 1) {
    return {
      ...base,
      sku: written,
      product: null,
      unreadable: `"${written}" matches several SKUs that differ only in case; write it exactly`,
    };
  }
  return { ...base, sku: written, product: exact ?? alike[0] ?? null };
}

function toRowResult(outcome: MergeRowOutcome): QuickOrderRowResult {
  return {
    row: outcome.row,
    rows: outcome.rows,
    sku: outcome.sku,
    productId: outcome.productId,
    quantity: outcome.quantity,
    status: outcome.status,
    reason: outcome.reason,
    suggestedQuantity: outcome.suggestedQuantity,
  };
}
