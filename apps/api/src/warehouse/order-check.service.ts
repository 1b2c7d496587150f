import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrderCheck, OrderCheckLine } from '@tradecounter/contracts';
import { applyScan, type CheckableLine, checkComplete } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, namedConflict, notFound } from '../common/http/problem';
import type { CheckOrderDto } from './dto/check.dto';
import { CheckLineRow, OrderCheckRepository } from './order-check.repository';

/**
 * The check step before packing (docs/warehouse.md): each line's units
 * reserved and not yet shipped are confirmed by scanning or typing a SKU,
 * barcode or case barcode. A scan that does not fit is refused with 409
 * and recorded; packing needs every line confirmed, and consumes the check.
 */
@Injectable()
export class OrderCheckService {
  constructor(
    private readonly checks: OrderCheckRepository,
    private readonly dataSource: DataSource,
  ) {}

  async get(orderId: string): Promise<OrderCheck> {
    const order = await this.checks.order(this.dataSource.manager, orderId);
    if (!order) throw notFound('Order');
    const lines = await this.checks.lines(this.dataSource.manager, orderId);
    return this.view(order, lines);
  }

  /** All scans of the request or none; the first that does not fit is recorded and refused. */
  async check(actor: AuthUser, orderId: string, body: CheckOrderDto): Promise<OrderCheck> {
    const scans = body.lines.map((scan, index) => {
      const given = [scan.sku, scan.barcode].filter((code) => code !== undefined);
      if (given.length !== 1) {
        throw badRequest('Each scan names a SKU or a barcode', [
          { field: `lines[${index}]`, message: 'give either sku or barcode' },
        ]);
      }
      return { code: given[0] as string, quantity: scan.quantity };
    });
    const refusal = await this.dataSource.transaction(async (tx) => {
      const order = await this.checks.order(tx, orderId, true);
      if (!order) throw notFound('Order');
      if (order.status !== 'picking') {
        throw conflict(`Order ${order.number} is ${order.status}; the check is for an order being picked`);
      }
      const state: CheckableLine[] = (await this.checks.lines(tx, orderId)).map((line) => ({ ...line }));
      const added = new Map<string, number>();
      for (const scan of scans) {
        const result = applyScan(state, scan.code, await this.checks.resolve(tx, scan.code), scan.quantity);
        if (!result.ok) return { ...scan, message: result.message };
        const line = state.find((each) => each.orderLineId === result.orderLineId);
        if (line) line.confirmed += result.units;
        added.set(result.orderLineId, (added.get(result.orderLineId) ?? 0) + result.units);
      }
      await this.checks.confirm(tx, orderId, added);
      return null;
    });
    if (refusal) {
      await this.checks.recordMismatch(orderId, actor.id, refusal);
      throw namedConflict('check-mismatch', 'This scan does not match the order', refusal.message, [
        { field: 'lines', message: refusal.message },
      ]);
    }
    return this.get(orderId);
  }

  /** Packing's guard, inside its transaction under the order's lock: 409 until every line is confirmed. */
  async requireComplete(tx: EntityManager, orderId: string, orderNumber: string): Promise<void> {
    const lines = await this.checks.lines(tx, orderId);
    if (!checkComplete(lines)) {
      throw namedConflict(
        'check-incomplete',
        'Check every line before packing',
        `Order ${orderNumber}: check every line before packing (${describeLeft(lines)})`,
      );
    }
    await this.checks.consume(tx, orderId);
  }

  private async view(order: { id: string; number: string }, lines: CheckLineRow[]): Promise<OrderCheck> {
    const shown: OrderCheckLine[] = lines
      .filter((line) => line.expected > 0 || line.confirmed > 0)
      .map(({ productId: _product, ...line }) => ({ ...line, done: line.confirmed >= line.expected }));
    return {
      orderId: order.id,
      orderNumber: order.number,
      complete: checkComplete(lines),
      lines: shown,
      mismatches: await this.checks.mismatches(order.id),
    };
  }
}

function describeLeft(lines: CheckLineRow[]): string {
  const left = lines.filter((line) => line.expected > line.confirmed);
  if (left.length === 0) return 'nothing is reserved to pack';
  return left.map((line) => `${line.sku}: ${line.confirmed} of ${line.expected} confirmed`).join('; ');
}
