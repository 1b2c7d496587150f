import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldError, ProductReturn, ReturnReceiptResult } from '@tradecounter/contracts';
import {
  creditLineAmounts,
  formatMoney,
  localDateTime,
  statusAfterReceipt,
  sumMoney,
} from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { InboundService } from '../availability/inbound.service';
import { badRequest, conflict } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { MadeNotification } from '../notifications/notifications.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrderPlacementService } from '../orders/order-placement.service';
import { OrdersService } from '../orders/orders.service';
import { CreditNotesRepository } from './credit-notes.repository';
import type { ReceiveReturnDto } from './dto/return.dto';
import { ReturnAccess } from './return-access';
import {
  type NewReturnEvent,
  type ReturnLineRow,
  type ReturnRow,
  ReturnsRepository,
} from './returns.repository';
import { ReturnsService } from './returns.service';

/** One return line's units in one receipt. */
interface LineReceipt {
  line: ReturnLineRow;
  restocked: number;
  scrapped: number;
}

/**
 * Receiving returned goods, and closing a return with what arrived. One
 * transaction per receipt, locks in the order placement takes them (the
 * return, then the account, then stock rows): restocked units go on hand
 * through the one receiving path (InboundService), so they fill waiting
 * backorders as a purchase receipt does; `credit` units get one credit note
 * per receipt, which lowers the account's exposure; `replace` units place
 * a linked replacement order at 0.00.
 */
@Injectable()
export class ReturnReceivingService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly creditNotes: CreditNotesRepository,
    private readonly access: ReturnAccess,
    private readonly service: ReturnsService,
    private readonly inbound: InboundService,
    private readonly placement: OrderPlacementService,
    private readonly orders: OrdersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(actor: AuthUser, id: string, body: ReceiveReturnDto): Promise<ReturnReceiptResult> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const row = await this.access.lockFor(tx, actor, id, 'receive');
      const lines = await this.returns.linesOf([id], tx);
      const received = receipts(body, lines);
      await this.returns.lockAccount(tx, row.accountId);
      const order = await this.returns.order(tx, row.orderId, false);
      if (!order) throw new Error(`Return ${row.number} names a missing order`);
      const backordersFilled = await this.restock(tx, actor, received, order.warehouseCode);
      const notified: MadeNotification[] = [];
      const events: NewReturnEvent[] = [
        {
          actorId: actor.id,
          kind: 'received',
          fromStatus: null,
          toStatus: null,
          reason: null,
          data: {
            lines: body.lines.map((line) => ({ ...line })),
          },
        },
      ];
      const creditNote = await this.issueCreditNote(tx, actor, row, received, events, notified);
      const replacementOrder = await this.placeReplacement(tx, actor, row, order, received, events);
      for (const part of received) {
        await this.returns.receiveLine(tx, part.line.id, {
          restocked: part.restocked,
          scrapped: part.scrapped,
          credited: part.line.resolution === 'credit' ? part.restocked + part.scrapped : 0,
          replacementOrderId:
            part.line.resolution === 'replace' && replacementOrder ? replacementOrder.id : undefined,
        });
      }
      const receiptId = await this.returns.insertReceipt(tx, id, actor.id, body.lines);
      if (creditNote) await this.returns.linkReceiptCreditNote(tx, receiptId, creditNote.id);
      const after = await this.returns.linesOf([id], tx);
      const notes = (await this.returns.creditNotesOf(id, tx)).length;
      const to = statusAfterReceipt(after, notes, false);
      notified.push(...(await this.moveTo(tx, actor, row, to, events, 'received', null)));
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return',
        entityId: id,
        accountId: row.accountId,
        action: 'update',
        before: { status: row.status },
        after: {
          status: to,
          received: body.lines.reduce((sum, line) => sum + line.quantity, 0),
          ...(creditNote ? { creditNote: creditNote.number } : {}),
          ...(replacementOrder ? { replacementOrder: replacementOrder.number } : {}),
        },
        keep: ['status'],
      });
      return { creditNote, replacementOrder, backordersFilled, notified };
    });
    await this.notifications.mail(outcome.notified);
    return {
      return: await this.service.read(id),
      creditNote: outcome.creditNote
        ? { id: outcome.creditNote.id, number: outcome.creditNote.number, total: outcome.creditNote.total }
        : null,
      replacementOrder: outcome.replacementOrder,
      backordersFilled: outcome.backordersFilled,
    };
  }

  /** POST /:id/close: an approved return is done with what arrived (received, or credited if it has credit notes). */
  async close(actor: AuthUser, id: string, reason: string): Promise<ProductReturn> {
    const notified = await this.dataSource.transaction(async (tx) => {
      const row = await this.access.lockFor(tx, actor, id, 'close');
      const lines = await this.returns.linesOf([id], tx);
      const notes = (await this.returns.creditNotesOf(id, tx)).length;
      const to = statusAfterReceipt(lines, notes, true);
      const events: NewReturnEvent[] = [];
      const made = await this.moveTo(tx, actor, row, to, events, 'closed', reason.trim());
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return',
        entityId: id,
        accountId: row.accountId,
        action: 'update',
        before: { status: row.status },
        after: { status: to, closed: true, reason: reason.trim() },
      });
      return made;
    });
    await this.notifications.mail(notified);
    return this.service.read(id);
  }

  /**
   * Writes the step's events with the status change on the step's own
   * event (published as return.status_changed when it moved), and tells
   * the buyers.
   */
  private async moveTo(
    tx: EntityManager,
    actor: AuthUser,
    row: ReturnRow,
    to: ReturnRow['status'],
    events: NewReturnEvent[],
    kind: 'received' | 'closed',
    reason: string | null,
  ): Promise<MadeNotification[]> {
    const moved = to !== row.status;
    const step = events.find((event) => event.kind === kind);
    const own: NewReturnEvent = step ?? { actorId: actor.id, kind, fromStatus: null, toStatus: null, reason };
    if (moved) Object.assign(own, { fromStatus: row.status, toStatus: to, outbox: 'return_status' });
    await this.returns.events(tx, row.id, step ? events : [own, ...events]);
    if (moved) await this.returns.update(tx, row.id, { status: to });
    else await this.returns.update(tx, row.id, {});
    const words = kind === 'closed' ? 'closed' : moved ? `received in full (${to})` : 'partly received';
    return this.service.tellBuyers(tx, row.accountId, row.id, {
      title: `Return ${row.number} ${words}`,
      body:
        kind === 'closed'
          ? `The return was closed${reason ? `: ${reason}` : ''}.`
          : 'Goods you sent back arrived at our warehouse.',
    });
  }

  /** Restocked units on hand at the order's warehouse, product by product; how many backordered lines they filled. */
  private async restock(
    tx: EntityManager,
    actor: AuthUser,
    received: LineReceipt[],
    warehouseCode: string,
  ): Promise<number> {
    const byProduct = new Map<string, number>();
    for (const part of received) {
      if (part.restocked > 0)
        byProduct.set(part.line.productId, (byProduct.get(part.line.productId) ?? 0) + part.restocked);
    }
    const date = localDateTime(new Date(), this.config.timeZone).date;
    let filled = 0;
    for (const [productId, qty] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
      const before = await this.returns.backordered(tx, productId, warehouseCode);
      await this.inbound.receiveReturnedIn(tx, actor, { productId, warehouseCode, qty, date });
      const after = await this.returns.backordered(tx, productId, warehouseCode);
      for (const [lineId, waiting] of before) if ((after.get(lineId) ?? 0) < waiting) filled += 1;
    }
    return filled;
  }

  /** One credit note for the receipt's `credit` units at the price paid less each line's fee; exposure lowered. */
  private async issueCreditNote(
    tx: EntityManager,
    actor: AuthUser,
    row: ReturnRow,
    received: LineReceipt[],
    events: NewReturnEvent[],
    notified: MadeNotification[],
  ): Promise<{ id: string; number: string; total: string } | null> {
    const credited = received
      .filter((part) => part.line.resolution === 'credit')
      .map((part) => {
        const quantity = part.restocked + part.scrapped;
        const amounts = creditLineAmounts(quantity, part.line.unitPrice, part.line.feePercent);
        return { line: part.line, quantity, amounts };
      })
      .filter((part) => part.quantity > 0);
    if (credited.length === 0) return null;
    const subtotal = sumMoney(credited.map((part) => part.amounts.gross));
    const fee = sumMoney(credited.map((part) => part.amounts.fee));
    const total = formatMoney(subtotal - fee);
    const note = await this.creditNotes.insert(tx, {
      returnId: row.id,
      accountId: row.accountId,
      orderId: row.orderId,
      createdBy: actor.id,
      subtotal: formatMoney(subtotal),
      fee: formatMoney(fee),
      total,
      lines: credited.map((part) => ({
        returnLineId: part.line.id,
        quantity: part.quantity,
        unitPrice: part.line.unitPrice,
        gross: formatMoney(part.amounts.gross),
        feePercent: part.line.feePercent,
        fee: formatMoney(part.amounts.fee),
        total: formatMoney(part.amounts.total),
      })),
    });
    const creditNote = { id: note.id, number: note.number, total };
    events.push({
      actorId: actor.id,
      kind: 'credit_note',
      fromStatus: null,
      toStatus: null,
      reason: null,
      data: { creditNote },
      outbox: 'credit_note',
    });
    await this.audit.record(tx, {
      actorId: actor.id,
      entity: 'credit_note',
      entityId: note.id,
      accountId: row.accountId,
      action: 'create',
      before: null,
      after: {
        number: note.number,
        returnId: row.id,
        subtotal: formatMoney(subtotal),
        fee: formatMoney(fee),
        total,
      },
    });
    const fits = await this.orders.creditIssued(tx, row.accountId, total);
    notified.push(
      ...(await this.service.tellBuyers(tx, row.accountId, row.id, {
        kind: 'credit_note_issued',
        title: `Credit note ${note.number} issued`,
        body: `For return ${row.number}: ${total} ${this.config.currency} credited to your account.`,
      })),
    );
    if (fits.length > 0 && row.accountManagerId) {
      notified.push(
        ...(await this.notifications.notifyAboutReturn(
          tx,
          fits.map((order) => ({
            userIds: [row.accountManagerId ?? ''],
            kind: 'order_held' as const,
            title: `Order ${order.number} (${row.accountCode}) may now be released`,
            body: `Credit note ${note.number} lowered the account's exposure; the held order now fits its credit limit.`,
            returnId: row.id,
            orderId: order.id,
          })),
        )),
      );
    }
    return creditNote;
  }

  /** The receipt's `replace` units as one linked order at 0.00 (source `replacement`). */
  private async placeReplacement(
    tx: EntityManager,
    actor: AuthUser,
    row: ReturnRow,
    order: { number: string; shippingAddressId: string | null; accountId: string },
    received: LineReceipt[],
    events: NewReturnEvent[],
  ): Promise<{ id: string; number: string } | null> {
    const byProduct = new Map<string, number>();
    for (const part of received) {
      if (part.line.resolution !== 'replace') continue;
      const units = part.restocked + part.scrapped;
      if (units > 0) byProduct.set(part.line.productId, (byProduct.get(part.line.productId) ?? 0) + units);
    }
    if (byProduct.size === 0) return null;
    const shippingAddressId = order.shippingAddressId ?? (await this.returns.anyAddress(tx, order.accountId));
    if (!shippingAddressId) throw conflict('The account has no shipping address to send the replacement to');
    const placed = await this.placement.placeReplacement(tx, actor, {
      accountId: row.accountId,
      shippingAddressId,
      poNumber: row.number,
      notes: `Replacement for return ${row.number} of order ${order.number}`,
      lines: [...byProduct].map(([productId, quantity]) => ({ productId, quantity })),
    });
    const replacement = { id: placed.id, number: placed.number };
    events.push({
      actorId: actor.id,
      kind: 'replacement_placed',
      fromStatus: null,
      toStatus: null,
      reason: null,
      data: { order: replacement },
    });
    return replacement;
  }
}

/**
 * The receipt's units per return line, checked: every line is the
 * return's (400), and no line receives more than it still expects (409,
 * naming it). A line may come in twice, once per condition.
 */
function receipts(body: ReceiveReturnDto, lines: ReturnLineRow[]): LineReceipt[] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const unknown: FieldError[] = [];
  const parts = new Map<string, LineReceipt>();
  body.lines.forEach((sent, index) => {
    const line = byId.get(sent.returnLineId);
    if (!line) {
      unknown.push({ field: `lines[${index}].returnLineId`, message: 'is not a line of this return' });
      return;
    }
    const part = parts.get(line.id) ?? { line, restocked: 0, scrapped: 0 };
    if (sent.condition === 'restock') part.restocked += sent.quantity;
    else part.scrapped += sent.quantity;
    parts.set(line.id, part);
  });
  if (unknown.length > 0) throw badRequest('Some lines are not lines of this return', unknown);
  const over: FieldError[] = [];
  for (const part of parts.values()) {
    const expected = part.line.quantity - part.line.received;
    if (part.restocked + part.scrapped > expected) {
      over.push({
        field: `lines[${body.lines.findIndex((sent) => sent.returnLineId === part.line.id)}].quantity`,
        message: `line ${part.line.lineNo} (${part.line.sku}) expects ${expected} more unit${expected === 1 ? '' : 's'}`,
      });
    }
  }
  if (over.length > 0) throw conflict('More units than the return expects; nothing was received', over);
  return [...parts.values()];
}
