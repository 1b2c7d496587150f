import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PromiseChange, PromiseSplit, Wave } from '@tradecounter/contracts';
import { currentPromisedDates, splitsAfterShortPick } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AvailabilityService } from '../availability/availability.service';
import { stockEntityId } from '../availability/stock.service';
import { conflict, notFound } from '../common/http/problem';
import { RepromiseRepository } from '../orders/repromise.repository';
import type { ShortPickDto } from './dto/wave.dto';
import { ShortPickRepository } from './short-pick.repository';
import { WavesRepository } from './waves.repository';
import { WavesService } from './waves.service';

/** Statuses in which an order's units are still being picked. */
const PICKING = ['confirmed', 'picking', 'partially_shipped'];

/**
 * A short pick: the bin held fewer units than the system said. In one
 * transaction, locking as every writer does (the order, then the stock row,
 * then receipts): on hand drops by an audited adjustment naming the reason,
 * the missing units' reservation is released (line and stock row), and the
 * line is promised anew for them from the supply that remains, with a
 * `repromised` event when its dates move (the buyer is told as for any
 * re-promise). A ship-complete order simply waits for the rest.
 */
@Injectable()
export class ShortPickService {
  constructor(
    private readonly picks: ShortPickRepository,
    private readonly waves: WavesRepository,
    private readonly wavesService: WavesService,
    private readonly availability: AvailabilityService,
    private readonly repromise: RepromiseRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async report(actor: AuthUser, waveId: string, body: ShortPickDto): Promise<Wave> {
    const lineId = body.orderLineId.toLowerCase();
    const reason = body.reason.trim();
    await this.dataSource.transaction(async (tx) => {
      const wave = await this.waves.header(waveId, tx);
      if (!wave) throw notFound('Wave');
      const target = await this.picks.lineOrder(tx, lineId);
      if (!target || !(await this.waves.isMember(tx, waveId, target.orderId))) {
        throw notFound('Order line in this wave');
      }
      if (wave.status !== 'open') throw conflict(`Wave ${wave.number} is closed`);
      const order = await this.picks.lockOrder(tx, target.orderId);
      if (!order || !PICKING.includes(order.status)) {
        throw conflict(
          `Order ${order?.number ?? ''} is ${order?.status ?? 'gone'}; nothing is being picked for it`,
        );
      }
      await this.availability.lockHeld(tx, order.warehouseCode, [target.productId], []);
      const line = await this.picks.line(tx, lineId);
      if (!line) throw notFound('Order line');
      const pickable = Math.min(line.reservedQty, line.quantity - line.shippedQty);
      if (body.quantity > pickable) {
        throw conflict(
          `Only ${pickable} unit${pickable === 1 ? '' : 's'} of ${line.sku} on order ${order.number} are reserved and unshipped`,
          [{ field: 'quantity', message: `must be at most ${pickable}` }],
        );
      }
      await this.adjustStock(
        tx,
        actor,
        order.warehouseCode,
        line.productId,
        body.quantity,
        reason,
        wave.number,
      );
      await this.picks.releaseLine(tx, lineId, body.quantity);
      await this.repromiseLine(
        tx,
        actor,
        order,
        line,
        body.quantity,
        `${reason} (short pick in wave ${wave.number})`,
      );
      await this.picks.clampCheck(tx, lineId);
      await this.waves.insertShortPick(tx, {
        waveId,
        orderLineId: lineId,
        quantity: body.quantity,
        reason,
        actorId: actor.id,
      });
      await this.picks.insertEvent(tx, order.id, actor.id, 'short_pick', reason, {
        waveId,
        waveNumber: wave.number,
        orderLineId: lineId,
        sku: line.sku,
        quantity: body.quantity,
      });
    });
    return this.wavesService.get(waveId);
  }

  /** The units leave on hand and reserved together (available stays), audited with the reason. */
  private async adjustStock(
    tx: EntityManager,
    actor: AuthUser,
    warehouseCode: string,
    productId: string,
    quantity: number,
    reason: string,
    waveNumber: string,
  ): Promise<void> {
    await this.availability.release(tx, warehouseCode, {
      stock: [{ productId, qty: quantity }],
      inbound: [],
    });
    const change = await this.picks.lowerOnHand(tx, productId, warehouseCode, quantity);
    if (!change)
      throw new Error(`Stock of ${productId} at ${warehouseCode} is below the reserved units it held`);
    await this.audit.record(tx, {
      actorId: actor.id,
      entity: 'stock',
      entityId: stockEntityId(productId, warehouseCode),
      accountId: null,
      action: 'update',
      before: { onHand: change.onHand + quantity, reserved: change.reserved + quantity },
      after: {
        productId,
        warehouseCode,
        onHand: change.onHand,
        reserved: change.reserved,
        reason: `Short pick in wave ${waveNumber}: ${reason}`,
      },
    });
  }

  /** Promises the missing units anew from what remains (stock, then receipts, then the supplier). */
  private async repromiseLine(
    tx: EntityManager,
    actor: AuthUser,
    order: { id: string; accountId: string; warehouseCode: string; shipComplete: boolean },
    line: { id: string; productId: string },
    missing: number,
    why: string,
  ): Promise<void> {
    const outcome = await this.availability.promise(
      tx,
      {
        accountId: null,
        warehouseCode: order.warehouseCode,
        at: new Date(),
        lines: [{ productId: line.productId, quantity: missing }],
      },
      { lock: true },
    );
    const promised = outcome.lines[0];
    if (!promised) throw new Error('A promise for one line came back empty');
    const { fromStock, allocations, fromSupplier } = promised.reservation;
    await this.availability.reserve(tx, order.warehouseCode, {
      stock: fromStock > 0 ? [{ productId: line.productId, qty: fromStock }] : [],
      inbound: allocations.map((allocation) => ({ inboundId: allocation.inboundId, qty: allocation.qty })),
    });
    await this.picks.holdLine(tx, line.id, fromStock, allocations, fromSupplier);
    const lines = await this.picks.orderLines(tx, order.id);
    const splits = lines.map((each) =>
      each.id === line.id
        ? splitsAfterShortPick(each.splits, missing, promised.splits as PromiseSplit[])
        : each.splits,
    );
    const current = currentPromisedDates(
      splits.map((lineSplits) => ({ splits: lineSplits })),
      order.shipComplete,
    );
    const changes: PromiseChange[] = [];
    const updates = lines.flatMap((each, index) => {
      const to = current[index] ?? each.currentPromisedDate;
      if (to !== each.currentPromisedDate) {
        changes.push({ lineNo: each.lineNo, sku: each.sku, from: each.currentPromisedDate, to });
      }
      return each.id === line.id || to !== each.currentPromisedDate
        ? [{ id: each.id, splits: splits[index] ?? each.splits, current: to }]
        : [];
    });
    const events = changes.length > 0 ? [{ orderId: order.id, reason: why, changes }] : [];
    await this.repromise.save(tx, actor.id, updates, events);
  }
}
