import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PromiseChange, PromiseSplit } from '@tradecounter/contracts';
import {
  addBusinessDays,
  currentPromisedDates,
  inboundShipDate,
  inboundUnitsToSupplier,
  type IsoDate,
  planInboundAllocation,
  planReallocation,
  planReceivedAllocations,
  promiseDays,
  type PromiseSettings,
  redateInboundSplit,
  supplierUnitsToInbound,
} from '@tradecounter/domain';
import { AvailabilityService } from '../availability/availability.service';
import { BackorderRepository, FilledOrderLineRow } from './backorder.repository';
import { PurchaseSupplyRepository } from './purchase-supply.repository';
import { LinePromiseUpdate, RepromiseEvent, RepromiseRepository } from './repromise.repository';

/** A purchase order's receipt for one product at one warehouse, and the change's when, who and why. */
export interface PurchaseSupplyChange {
  productId: string;
  warehouseCode: string;
  settings: PromiseSettings;
  at: Date;
  actorId: string;
  /** The `repromised` events' reason, as people read it. */
  reason: string;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/**
 * What purchasing needs of ordering: a sent purchase order's receipt takes
 * the lines waiting for supplier units (oldest placement first), a receipt
 * that will not come gives its lines to other receipts or back to the
 * supplier, and a partial receipt carries the oldest lines' allocations
 * with it. Each re-promises the lines it moved and records a `repromised`
 * event per order (which notifies the buyer through the outbox, as every
 * re-promise does). Callers hold the product's stock row lock, then the receipts.
 */
@Injectable()
export class PurchaseSupplyService {
  constructor(
    private readonly repository: PurchaseSupplyRepository,
    private readonly backorders: BackorderRepository,
    private readonly repromise: RepromiseRepository,
    private readonly availability: AvailabilityService,
  ) {}

  /** Allocates up to `units` of a new receipt to the waiting lines; returns the units allocated. */
  async allocateWaiting(
    tx: EntityManager,
    inboundId: string,
    units: number,
    change: PurchaseSupplyChange,
  ): Promise<number> {
    // The same definition of "waiting" as arriving units fill: open orders' backordered units, oldest first.
    const waiting = await this.backorders.waiting(tx, change.productId, change.warehouseCode);
    const plan = planInboundAllocation(units, waiting);
    if (plan.length === 0) return 0;
    const total = plan.reduce((sum, p) => sum + p.qty, 0);
    await this.availability.reserve(tx, change.warehouseCode, {
      stock: [],
      inbound: [{ inboundId, qty: total }],
    });
    await this.repository.addAllocations(
      tx,
      plan.map((p) => ({ lineId: p.id, inboundId, qty: p.qty })),
    );
    await this.repository.shiftUnits(
      tx,
      plan.map((p) => ({ id: p.id, toInbound: p.qty })),
    );
    const moved = new Map(plan.map((p) => [p.id, p.qty]));
    await this.repromiseLines(tx, [...moved.keys()], waiting, change, (line, receipts, today) => {
      const ship = inboundShipDate(receipts, change.settings, today) ?? today.firstDispatchDate;
      return supplierUnitsToInbound(line.splits, moved.get(line.id) ?? 0, ship, change.settings);
    });
    return total;
  }

  /**
   * The receipts `inboundIds` will not come (closed short, cancelled): the
   * lines promised from them move to other open receipts of the product with
   * free units, earliest first, else back to the supplier, dated as placement
   * dates supplier units now. Leaves the receipts with nothing allocated.
   */
  async withdraw(tx: EntityManager, inboundIds: string[], change: PurchaseSupplyChange): Promise<void> {
    const allocated = await this.repository.allocated(tx, inboundIds);
    if (allocated.length === 0) return;
    const others = await this.repository.freeReceipts(tx, change.productId, change.warehouseCode, inboundIds);
    const perLine = new Map<string, number>();
    for (const row of allocated) perLine.set(row.lineId, (perLine.get(row.lineId) ?? 0) + row.qty);
    const plan = planReallocation(
      [...perLine.entries()].map(([lineId, qty]) => ({ lineId, qty })),
      others,
    );
    await this.repository.takeAllocations(tx, allocated);
    const freed = new Map<string, number>();
    for (const row of allocated) freed.set(row.inboundId, (freed.get(row.inboundId) ?? 0) + row.qty);
    await this.availability.release(tx, change.warehouseCode, {
      stock: [],
      inbound: [...freed.entries()].map(([inboundId, qty]) => ({ inboundId, qty })),
    });
    const moves = plan.flatMap((p) =>
      p.moves.map((m) => ({ lineId: p.lineId, inboundId: m.inboundId, qty: m.qty })),
    );
    await this.availability.reserve(tx, change.warehouseCode, {
      stock: [],
      inbound: moves.map((m) => ({ inboundId: m.inboundId, qty: m.qty })),
    });
    await this.repository.addAllocations(tx, moves);
    await this.repository.shiftUnits(
      tx,
      plan.map((p) => ({ id: p.lineId, toInbound: -p.toSupplier })),
    );
    const toSupplier = new Map(plan.map((p) => [p.lineId, p.toSupplier]));
    const leadTimeDays = await this.repository.leadTimeDays(tx, change.productId);
    const { settings } = change;
    await this.repromiseLines(
      tx,
      [...perLine.keys()],
      allocated.map((row) => ({ orderId: row.orderId })),
      change,
      (line, receipts, today) => {
        const supplierShip = later(
          today.firstDispatchDate,
          addBusinessDays(today.orderDate, leadTimeDays + settings.handlingDays, settings.holidays),
        );
        const back = toSupplier.get(line.id) ?? 0;
        const splits =
          back > 0 ? inboundUnitsToSupplier(line.splits, back, supplierShip, settings) : line.splits;
        const ship = inboundShipDate(receipts, settings, today);
        return ship ? redateInboundSplit(splits, ship, settings) : splits;
      },
    );
  }

  /**
   * A receipt split in two for a partial delivery: the allocations of the
   * oldest lines covering `units` (one split if need be) move from `from`
   * to `to`, so receiving `to` makes them reserved stock. Returns the units moved.
   */
  async carryAllocations(tx: EntityManager, from: string, to: string, units: number): Promise<number> {
    const allocated = await this.repository.allocated(tx, [from]);
    const plan = planReceivedAllocations(
      units,
      allocated.map((row) => ({ lineId: row.lineId, qty: row.qty })),
    );
    const moved = plan.reduce((sum, p) => sum + p.qty, 0);
    if (moved === 0) return 0;
    await this.repository.takeAllocations(
      tx,
      plan.map((p) => ({ lineId: p.lineId, inboundId: from, qty: p.qty })),
    );
    await this.repository.addAllocations(
      tx,
      plan.map((p) => ({ lineId: p.lineId, inboundId: to, qty: p.qty })),
    );
    await this.repository.adjustInboundAllocated(tx, from, -moved);
    await this.repository.adjustInboundAllocated(tx, to, moved);
    return moved;
  }

  /**
   * Re-promises the orders of `lineIds`: `splitsOf` gives each moved line's
   * new splits, the current promised dates follow (ship complete dates the
   * whole order), and each order whose dates moved gets a `repromised` event.
   */
  private async repromiseLines(
    tx: EntityManager,
    lineIds: string[],
    touched: { orderId: string; id?: string }[],
    change: PurchaseSupplyChange,
    splitsOf: (
      line: FilledOrderLineRow,
      receipts: { expectedDate: IsoDate | null }[],
      today: ReturnType<typeof promiseDays>,
    ) => PromiseSplit[],
  ): Promise<void> {
    const moved = new Set(lineIds);
    const orderIds = [...new Set(touched.filter((t) => !t.id || moved.has(t.id)).map((t) => t.orderId))];
    const lines = await this.backorders.orderLines(tx, orderIds);
    const receipts = await this.repository.receipts(tx, lineIds);
    const today = promiseDays(change.at, change.settings);
    const updates: LinePromiseUpdate[] = [];
    const events: RepromiseEvent[] = [];
    const byOrder = new Map<string, FilledOrderLineRow[]>();
    for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    for (const [orderId, order] of byOrder) {
      const splits = order.map((line) =>
        moved.has(line.id) ? splitsOf(line, receipts.get(line.id) ?? [], today) : line.splits,
      );
      const current = currentPromisedDates(
        splits.map((lineSplits) => ({ splits: lineSplits })),
        order[0]?.shipComplete ?? false,
      );
      const changes: PromiseChange[] = [];
      order.forEach((line, index) => {
        const to = current[index] ?? line.currentPromisedDate;
        const lineSplits = splits[index] ?? line.splits;
        if (moved.has(line.id) || to !== line.currentPromisedDate) {
          updates.push({ id: line.id, splits: lineSplits, current: to });
        }
        if (to !== line.currentPromisedDate) {
          changes.push({ lineNo: line.lineNo, sku: line.sku, from: line.currentPromisedDate, to });
        }
      });
      if (changes.length > 0) events.push({ orderId, reason: change.reason, changes });
    }
    await this.repromise.save(tx, change.actorId, updates, events);
  }
}
