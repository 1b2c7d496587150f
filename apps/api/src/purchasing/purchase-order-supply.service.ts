import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PurchaseOrder } from '@tradecounter/contracts';
import {
  OPEN_PURCHASE_STATUSES,
  openUnits,
  type PromiseSettings,
  receivableLimit,
  statusAfterChange,
} from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CatalogSupplyCache } from '../availability/catalog-supply.cache';
import { InboundRepository } from '../availability/inbound.repository';
import { InboundService } from '../availability/inbound.service';
import { PromiseSettingsCache } from '../availability/promise-settings.cache';
import { StockRepository } from '../availability/stock.repository';
import { reservedCheck } from '../availability/stock.service';
import { badRequest, conflict } from '../common/http/problem';
import { PurchaseSupplyService, type PurchaseSupplyChange } from '../orders/purchase-supply.service';
import type {
  CancelPurchaseOrderDto,
  ClosePurchaseOrderDto,
  ReceivePurchaseOrderDto,
  ReschedulePurchaseLineDto,
} from './dto/purchase-order.dto';
import {
  LockedPurchaseLine,
  LockedPurchaseOrder,
  PurchaseOrdersRepository,
} from './purchase-orders.repository';
import { PurchaseOrdersService } from './purchase-orders.service';
import { SuppliersRepository } from './suppliers.repository';

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const spoken = (date: string) => DAY.format(new Date(`${date}T00:00:00Z`)).replace(',', '');

/** Lines in the order their stock rows are locked: by warehouse, then product (as placement locks them). */
const inLockOrder = <T extends { warehouseCode: string; productId: string }>(lines: T[]): T[] =>
  [...lines].sort((a, b) =>
    a.warehouseCode !== b.warehouseCode
      ? a.warehouseCode < b.warehouseCode
        ? -1
        : 1
      : a.productId < b.productId
        ? -1
        : a.productId > b.productId
          ? 1
          : 0,
  );

/**
 * A purchase order as supply. Sending makes each line's units an inbound
 * receipt and gives them to the lines waiting for the supplier; receiving,
 * closing short, cancelling and rescheduling change those receipts through
 * the inbound code every receipt goes through, and the order lines they
 * promise follow in the same transaction. Lock order: the purchase order,
 * then per line the stock row, then its receipt (as every writer of both).
 */
@Injectable()
export class PurchaseOrderSupplyService {
  constructor(
    private readonly orders: PurchaseOrdersRepository,
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly suppliers: SuppliersRepository,
    private readonly inbound: InboundRepository,
    private readonly inboundService: InboundService,
    private readonly stock: StockRepository,
    private readonly supply: PurchaseSupplyService,
    private readonly calendar: PromiseSettingsCache,
    private readonly catalogSupply: CatalogSupplyCache,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** draft → sent: every line becomes an inbound receipt, which takes the waiting shortfall. */
  async send(actor: AuthUser, id: string, ifMatch?: string): Promise<PurchaseOrder> {
    const touched: { warehouseCode: string; productId: string }[] = [];
    await this.dataSource
      .transaction(async (tx) => {
        const order = await this.purchaseOrders.lockCurrent(tx, id, ifMatch);
        if (order.status !== 'draft') throw notDraft(order, 'sent');
        const at = new Date();
        const sent: Record<string, unknown>[] = [];
        for (const line of inLockOrder(await this.orders.lockedLines(tx, id))) {
          await this.stock.ensure(tx, line.productId, line.warehouseCode);
          await this.stock.lock(tx, line.productId, line.warehouseCode);
          const expectedDate =
            line.expectedDate ??
            (await this.purchaseOrders.leadTimeDate(line.warehouseCode, order.leadTimeDays, at, tx));
          const inboundId = await this.inbound.insert(tx, {
            productId: line.productId,
            warehouseCode: line.warehouseCode,
            qty: line.quantity,
            expectedDate,
            purchaseOrderLineId: line.id,
          });
          await this.orders.updateLine(tx, line.id, { expectedDate, inboundId });
          const allocated = await this.supply.allocateWaiting(
            tx,
            inboundId,
            line.quantity,
            await this.change(
              tx,
              actor,
              line,
              at,
              `Purchase order ${order.number} to ${order.supplierName} brings it, expected ${spoken(expectedDate)}`,
            ),
          );
          await this.audit.record(tx, {
            actorId: actor.id,
            entity: 'inbound',
            entityId: inboundId,
            accountId: null,
            action: 'create',
            before: null,
            after: {
              productId: line.productId,
              warehouseCode: line.warehouseCode,
              qty: line.quantity,
              expectedDate,
              status: 'expected',
              purchaseOrder: order.number,
            },
          });
          sent.push({ lineNo: line.lineNo, inboundId, expectedDate, allocated });
          touched.push(line);
        }
        await this.orders.setStatus(tx, id, 'sent', { sent: true });
        await this.orders.event(tx, id, actor.id, 'sent', null, { lines: sent });
        await this.record(tx, actor, id, { status: 'draft' }, { status: 'sent', lines: sent });
      })
      .catch(reservedCheck());
    this.changed(touched);
    return this.purchaseOrders.get(id);
  }

  /**
   * Receives units on lines: partial or whole, never past quantity ×
   * (1 + tolerance) in all (409, nothing changed). The units received leave
   * the line's open receipt as a receipt of their own, carrying the oldest
   * waiting lines' allocations, which is received through InboundService's
   * one receiving path; the rest stays expected.
   */
  async receive(actor: AuthUser, id: string, body: ReceivePurchaseOrderDto): Promise<PurchaseOrder> {
    const touched: LockedPurchaseLine[] = [];
    await this.dataSource
      .transaction(async (tx) => {
        const order = await this.purchaseOrders.lockCurrent(tx, id);
        if (!OPEN_PURCHASE_STATUSES.includes(order.status)) throw notOpen(order, 'received');
        const lines = await this.orders.lockedLines(tx, id);
        const byId = new Map(lines.map((line) => [line.id, line]));
        const tolerance = await this.suppliers.tolerance(tx);
        const wanted = new Map<string, number>();
        const unknown: { field: string; message: string }[] = [];
        body.lines.forEach((entry, index) => {
          if (!byId.has(entry.lineId)) {
            unknown.push({
              field: `lines[${index}].lineId`,
              message: 'is not a line of this purchase order',
            });
          }
          wanted.set(entry.lineId, (wanted.get(entry.lineId) ?? 0) + entry.quantity);
        });
        if (unknown.length > 0)
          throw badRequest('The receipt names lines this purchase order does not have', unknown);
        const over = body.lines.flatMap((entry, index) => {
          const line = byId.get(entry.lineId) as LockedPurchaseLine;
          const limit = receivableLimit(line.quantity, tolerance) - line.closed;
          const total = line.received + (wanted.get(entry.lineId) ?? 0);
          return total > limit
            ? [
                {
                  field: `lines[${index}].quantity`,
                  message: `would receive ${total} in all; at most ${Math.max(0, limit)} may be received`,
                },
              ]
            : [];
        });
        if (over.length > 0)
          throw conflict('More would be received than was ordered (with the tolerance)', over);
        const at = new Date();
        const received: Record<string, unknown>[] = [];
        for (const line of inLockOrder(lines.filter((l) => wanted.has(l.id)))) {
          const qty = wanted.get(line.id) ?? 0;
          await this.receiveLine(tx, actor, line, qty);
          await this.orders.insertReceipt(tx, line.id, qty, actor.id, at);
          line.received += qty;
          await this.orders.updateLine(tx, line.id, { received: line.received });
          received.push({ lineId: line.id, lineNo: line.lineNo, sku: line.sku, quantity: qty });
          touched.push(line);
        }
        const status = statusAfterChange(lines, 'receipt');
        await this.orders.setStatus(tx, id, status);
        await this.orders.event(tx, id, actor.id, 'received', null, { lines: received });
        await this.record(tx, actor, id, { status: order.status }, { status, received });
      })
      .catch(reservedCheck());
    this.changed(touched);
    return this.purchaseOrders.get(id);
  }

  /** Closes short the lines named (or every open line): their open units will not come. */
  async close(actor: AuthUser, id: string, body: ClosePurchaseOrderDto): Promise<PurchaseOrder> {
    const touched: LockedPurchaseLine[] = [];
    await this.dataSource.transaction(async (tx) => {
      const order = await this.purchaseOrders.lockCurrent(tx, id);
      if (!OPEN_PURCHASE_STATUSES.includes(order.status)) throw notOpen(order, 'closed');
      const lines = await this.orders.lockedLines(tx, id);
      const ids = new Set(lines.map((line) => line.id));
      const unknown = (body.lineIds ?? []).flatMap((lineId, index) =>
        ids.has(lineId)
          ? []
          : [{ field: `lineIds[${index}]`, message: 'is not a line of this purchase order' }],
      );
      if (unknown.length > 0) throw badRequest('The purchase order has no such line', unknown);
      const named = body.lineIds ? new Set(body.lineIds) : undefined;
      const targets = lines.filter((line) => (named ? named.has(line.id) : true) && openUnits(line) > 0);
      if (targets.length === 0) throw conflict('Nothing is open on these lines to close');
      const reason = `Purchase order ${order.number} to ${order.supplierName} was closed short: ${body.reason}`;
      const closed = await this.withdrawLines(tx, actor, targets, reason);
      const status = statusAfterChange(lines, 'close');
      await this.orders.setStatus(tx, id, status);
      await this.orders.event(tx, id, actor.id, 'closed', body.reason, { lines: closed });
      await this.record(tx, actor, id, { status: order.status }, { status, closed, reason: body.reason });
      touched.push(...targets);
    });
    this.changed(touched);
    return this.purchaseOrders.get(id);
  }

  /** Cancels a draft, or a sent order nothing of which was received (its lines' promises move on). */
  async cancel(actor: AuthUser, id: string, body: CancelPurchaseOrderDto): Promise<PurchaseOrder> {
    const touched: LockedPurchaseLine[] = [];
    await this.dataSource.transaction(async (tx) => {
      const order = await this.purchaseOrders.lockCurrent(tx, id);
      const lines = await this.orders.lockedLines(tx, id);
      const anyReceived = lines.some((line) => line.received > 0);
      if (!(order.status === 'draft' || (order.status === 'sent' && !anyReceived))) {
        throw conflict(
          `Purchase order ${order.number} is ${order.status}${anyReceived ? ' and partly received' : ''}; close it short instead`,
          [
            {
              field: 'status',
              message: 'only drafts and sent orders nothing was received of can be cancelled',
            },
          ],
        );
      }
      let cancelled: Record<string, unknown>[] = [];
      if (order.status === 'sent') {
        const reason = `Purchase order ${order.number} to ${order.supplierName} was cancelled: ${body.reason}`;
        cancelled = await this.withdrawLines(
          tx,
          actor,
          lines.filter((line) => openUnits(line) > 0),
          reason,
        );
        touched.push(...lines);
      }
      await this.orders.setStatus(tx, id, 'cancelled');
      await this.orders.event(
        tx,
        id,
        actor.id,
        'cancelled',
        body.reason,
        cancelled.length > 0 ? { lines: cancelled } : null,
      );
      await this.record(
        tx,
        actor,
        id,
        { status: order.status },
        { status: 'cancelled', reason: body.reason },
      );
    });
    this.changed(touched);
    return this.purchaseOrders.get(id);
  }

  /** Moves a sent line's expected date; the order lines promised from it are promised anew. */
  async reschedule(
    actor: AuthUser,
    id: string,
    lineId: string,
    body: ReschedulePurchaseLineDto,
  ): Promise<PurchaseOrder> {
    await this.dataSource.transaction(async (tx) => {
      const order = await this.purchaseOrders.lockCurrent(tx, id);
      if (!OPEN_PURCHASE_STATUSES.includes(order.status)) throw notOpen(order, 'rescheduled');
      const line = (await this.orders.lockedLines(tx, id)).find((l) => l.id === lineId);
      if (!line)
        throw badRequest('The purchase order has no such line', [
          { field: 'lineId', message: 'is not a line of this purchase order' },
        ]);
      if (!line.inboundId || openUnits(line) === 0) {
        throw conflict(`Line ${line.lineNo} has nothing open to reschedule`, [
          { field: 'lineId', message: 'has no open units' },
        ]);
      }
      await this.stock.ensure(tx, line.productId, line.warehouseCode);
      await this.stock.lock(tx, line.productId, line.warehouseCode);
      // The one rescheduling path: ordering re-promises the lines waiting for it (ReceiptHooks).
      await this.inboundService.rescheduleIn(tx, actor, line.inboundId, body.expectedDate);
      await this.orders.updateLine(tx, line.id, { expectedDate: body.expectedDate });
      const data = {
        lineId: line.id,
        lineNo: line.lineNo,
        sku: line.sku,
        from: line.expectedDate,
        to: body.expectedDate,
      };
      await this.orders.event(tx, id, actor.id, 'rescheduled', body.reason ?? null, data);
      await this.record(
        tx,
        actor,
        id,
        { lineNo: line.lineNo, expectedDate: line.expectedDate },
        { lineNo: line.lineNo, expectedDate: body.expectedDate },
      );
    });
    return this.purchaseOrders.get(id);
  }

  /** One line's units in: all that is open (with any extra), or a part split off its receipt. */
  private async receiveLine(
    tx: EntityManager,
    actor: AuthUser,
    line: LockedPurchaseLine,
    qty: number,
  ): Promise<void> {
    await this.stock.ensure(tx, line.productId, line.warehouseCode);
    await this.stock.lock(tx, line.productId, line.warehouseCode);
    const open = line.inboundId ? await this.inbound.lock(tx, line.inboundId) : null;
    const expected = open?.status === 'expected' ? open : null;
    if (expected && qty >= expected.qty) {
      // Everything still expected arrives (units beyond it are the tolerance's, on hand too).
      if (qty > expected.qty) await this.inbound.update(tx, expected.id, { qty });
      await this.inboundService.receiveIn(tx, actor, expected);
      await this.orders.updateLine(tx, line.id, { inboundId: null });
      return;
    }
    const part = await this.inbound.insert(tx, {
      productId: line.productId,
      warehouseCode: line.warehouseCode,
      qty,
      expectedDate: expected?.expectedDate ?? line.expectedDate ?? new Date().toISOString().slice(0, 10),
      purchaseOrderLineId: line.id,
    });
    if (expected) {
      await this.supply.carryAllocations(tx, expected.id, part, Math.min(qty, expected.allocated));
      await this.inbound.update(tx, expected.id, { qty: expected.qty - qty });
    }
    await this.inboundService.receiveIn(tx, actor, {
      id: part,
      productId: line.productId,
      warehouseCode: line.warehouseCode,
    });
  }

  /** Open units of the lines will not come: their receipts' promises move on, the receipts are cancelled. */
  private async withdrawLines(
    tx: EntityManager,
    actor: AuthUser,
    lines: LockedPurchaseLine[],
    reason: string,
  ): Promise<Record<string, unknown>[]> {
    const at = new Date();
    const done: Record<string, unknown>[] = [];
    // Lines of one product and warehouse are withdrawn together: no order line moves
    // to a receipt of this purchase order that is itself about to go.
    const groups = new Map<string, LockedPurchaseLine[]>();
    for (const line of inLockOrder(lines)) {
      const key = `${line.warehouseCode}|${line.productId}`;
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    for (const group of groups.values()) {
      const first = group[0] as LockedPurchaseLine;
      await this.stock.ensure(tx, first.productId, first.warehouseCode);
      await this.stock.lock(tx, first.productId, first.warehouseCode);
      const ids = group.flatMap((line) => (line.inboundId ? [line.inboundId] : [])).sort();
      const receipts = [];
      for (const id of ids) {
        const receipt = await this.inbound.lock(tx, id);
        if (receipt?.status === 'expected') receipts.push(receipt);
      }
      if (receipts.length > 0) {
        await this.supply.withdraw(
          tx,
          receipts.map((r) => r.id),
          await this.change(tx, actor, first, at, reason),
        );
      }
      for (const receipt of receipts) {
        await this.inbound.update(tx, receipt.id, { status: 'cancelled' });
        await this.audit.record(tx, {
          actorId: actor.id,
          entity: 'inbound',
          entityId: receipt.id,
          accountId: null,
          action: 'update',
          before: { status: 'expected', allocated: receipt.allocated },
          after: { status: 'cancelled', allocated: 0 },
        });
      }
      for (const line of group) {
        const open = openUnits(line);
        line.closed += open;
        await this.orders.updateLine(tx, line.id, { closed: line.closed, inboundId: null });
        done.push({ lineId: line.id, lineNo: line.lineNo, sku: line.sku, closed: open });
      }
    }
    return done.sort((a, b) => Number(a['lineNo']) - Number(b['lineNo']));
  }

  private async change(
    tx: EntityManager,
    actor: AuthUser,
    line: { productId: string; warehouseCode: string },
    at: Date,
    reason: string,
  ): Promise<PurchaseSupplyChange> {
    const found = await this.calendar.settings(line.warehouseCode, tx);
    if (!found) throw new Error(`Unknown warehouse ${line.warehouseCode}`);
    const settings: PromiseSettings = found.settings;
    return {
      productId: line.productId,
      warehouseCode: line.warehouseCode,
      settings,
      at,
      actorId: actor.id,
      reason,
    };
  }

  private changed(lines: { warehouseCode: string; productId: string }[]): void {
    for (const line of lines) this.catalogSupply.changed(line.warehouseCode, [line.productId]);
  }

  private record(
    tx: EntityManager,
    actor: AuthUser,
    id: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity: 'purchase_order',
      entityId: id,
      accountId: null,
      action: 'update',
      before,
      after,
      keep: ['status'],
    });
  }
}

function notDraft(order: LockedPurchaseOrder, verb: string) {
  return conflict(`Purchase order ${order.number} is ${order.status}; only a draft can be ${verb}`, [
    { field: 'status', message: `is ${order.status}` },
  ]);
}

function notOpen(order: LockedPurchaseOrder, verb: string) {
  return conflict(`Purchase order ${order.number} is ${order.status}; only a sent order can be ${verb}`, [
    { field: 'status', message: `is ${order.status}` },
  ]);
}
