import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PromiseChange } from '@tradecounter/contracts';
import {
  currentPromisedDates,
  planBackorderFill,
  promiseDays,
  redateFilledBackorder,
} from '@tradecounter/domain';
import { AvailabilityService, type ReceiptChange } from '../availability/availability.service';
import { BackorderRepository, FilledOrderLineRow } from './backorder.repository';
import { LinePromiseUpdate, RepromiseEvent, RepromiseRepository } from './repromise.repository';

/**
 * When a receipt arrives with units no order was promised, those units go
 * first to the lines backordered from the supplier for that product at that
 * warehouse, oldest order first: they become the lines' reserved stock (so
 * pickable), and the lines are promised anew from today, with a
 * `repromised` event per order saying why. Runs inside the receiving
 * transaction, after the receipt's own allocations became reserved stock.
 */
@Injectable()
export class BackorderFillService {
  constructor(
    private readonly backorders: BackorderRepository,
    private readonly repromise: RepromiseRepository,
    private readonly availability: AvailabilityService,
  ) {}

  async received(tx: EntityManager, change: ReceiptChange): Promise<void> {
    const unpromised = change.qty - change.allocated;
    if (change.kind !== 'received' || unpromised <= 0) return;
    const waiting = await this.backorders.waiting(tx, change.productId, change.warehouseCode);
    const fills = planBackorderFill(unpromised, waiting);
    if (fills.length === 0) return;
    const units = fills.reduce((sum, fill) => sum + fill.qty, 0);
    await this.availability.reserve(tx, change.warehouseCode, {
      stock: [{ productId: change.productId, qty: units }],
      inbound: [],
    });
    if ((await this.backorders.fill(tx, fills)) !== fills.length) {
      throw new Error(`Backordered lines of ${change.productId} changed under the stock row lock`);
    }
    const filled = new Map(fills.map((fill) => [fill.id, fill.qty]));
    const orderIds = [...new Set(waiting.filter((line) => filled.has(line.id)).map((line) => line.orderId))];
    const lines = await this.backorders.orderLines(tx, orderIds);
    const { updates, events } = repromised(lines, filled, change);
    await this.repromise.save(tx, change.actorId, updates, events);
  }
}

function repromised(
  lines: FilledOrderLineRow[],
  filled: Map<string, number>,
  change: ReceiptChange,
): { updates: LinePromiseUpdate[]; events: RepromiseEvent[] } {
  const shipDate = promiseDays(change.at, change.settings).firstDispatchDate;
  const updates: LinePromiseUpdate[] = [];
  const events: RepromiseEvent[] = [];
  const byOrder = new Map<string, FilledOrderLineRow[]>();
  for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
  for (const [orderId, order] of byOrder) {
    const splits = order.map((line) => {
      const qty = filled.get(line.id) ?? 0;
      return qty > 0 ? redateFilledBackorder(line.splits, qty, shipDate, change.settings) : line.splits;
    });
    const current = currentPromisedDates(
      splits.map((lineSplits) => ({ splits: lineSplits })),
      order[0]?.shipComplete ?? false,
    );
    const changes: PromiseChange[] = [];
    order.forEach((line, index) => {
      const to = current[index] ?? line.currentPromisedDate;
      const lineSplits = splits[index] ?? line.splits;
      if (filled.has(line.id) || to !== line.currentPromisedDate) {
        updates.push({ id: line.id, splits: lineSplits, current: to });
      }
      if (to !== line.currentPromisedDate) {
        changes.push({ lineNo: line.lineNo, sku: line.sku, from: line.currentPromisedDate, to });
      }
    });
    if (changes.length > 0) {
      events.push({
        orderId,
        reason: `Backordered stock arrived at warehouse ${change.warehouseCode}; it is reserved for this order`,
        changes,
      });
    }
  }
  return { updates, events };
}
