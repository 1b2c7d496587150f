import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  FieldError,
  Page,
  ProductReturn,
  ReturnableOrder,
  ReturnSummary,
} from '@tradecounter/contracts';
import {
  accountScope,
  canReadAccount,
  effectiveReturnWindowDays,
  initialReturnStatus,
  isCustomerActor,
  mayActOnReturn,
  returnableQuantity,
} from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, type PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, forbidden, notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type MadeNotification, NotificationsService } from '../notifications/notifications.service';
import type { ApproveReturnDto, CreateReturnDto, ReturnListQueryDto } from './dto/return.dto';
import { ReturnAccess } from './return-access';
import { toProductReturn, toReturnSummary } from './return.mapper';
import { type ReturnableLineRow, type ReturnOrderRow, ReturnsRepository } from './returns.repository';

/**
 * Returns (domain.md "Returns and after-sales"): asking (or staff opening),
 * deciding, reading. Receiving and closing are ReturnReceivingService's.
 * The rules are libs/domain's returns/; this service runs them in
 * transactions, with an event, an audit entry and the buyers told at
 * every step.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly access: ReturnAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One return as the actor may see it (404 outside their accounts). Used by the documents context. */
  async get(actor: AuthUser, id: string): Promise<ProductReturn> {
    await this.access.requireReadable(actor, id);
    return this.read(id);
  }

  /** The return as it stands, unchecked: callers have checked who asks. */
  async read(id: string): Promise<ProductReturn> {
    const row = await this.returns.find(id);
    if (!row) throw notFound('Return');
    const [lines, events, photos, creditNotes] = await Promise.all([
      this.returns.linesOf([id]),
      this.returns.eventsOf(id),
      this.returns.photosOf(id),
      this.returns.creditNotesOf(id),
    ]);
    return toProductReturn(row, { lines, events, photos, creditNotes }, this.config.currency);
  }

  async list(
    actor: AuthUser,
    query: Omit<ReturnListQueryDto, 'page' | 'pageSize'>,
    page: PageRequest,
  ): Promise<Page<ReturnSummary>> {
    const [rows, total] = await this.returns.list(
      {
        scope: accountScope(actor),
        status: query.status,
        accountId: query.accountId,
        orderId: query.orderId,
      },
      page,
    );
    const lines = await this.returns.linesOf(rows.map((row) => row.id));
    return pageOf(
      rows.map((row) =>
        toReturnSummary(
          row,
          lines.filter((line) => line.returnId === row.id),
          this.config.currency,
        ),
      ),
      total,
      page,
    );
  }

  /** GET /api/orders/:id/returnable: what of the order may still come back, line by line, and the fees. */
  async returnable(actor: AuthUser, orderId: string): Promise<ReturnableOrder> {
    const manager = this.dataSource.manager;
    const order = await this.readableOrder(manager, actor, orderId, false);
    const settings = await this.returns.settings(manager);
    const rows = await this.returns.returnableLines(manager, orderId);
    const now = new Date();
    return {
      orderId: order.id,
      orderNumber: order.number,
      currency: this.config.currency,
      fees: settings.fees,
      lines: rows.map((row) => {
        const windowDays = effectiveReturnWindowDays(row.productWindowDays, settings.defaultWindowDays);
        const result = returnableQuantity(this.facts(row, windowDays, now));
        return {
          orderLineId: row.orderLineId,
          lineNo: row.lineNo,
          productId: row.productId,
          sku: row.sku,
          name: row.name,
          unitPrice: row.unitPrice,
          delivered: row.delivered,
          alreadyReturned: row.alreadyReturned,
          returnable: result.returnable,
          windowDays,
          windowEndsOn: result.windowEndsOn,
          blockedBy: result.blockedBy,
        };
      }),
    };
  }

  /**
   * POST /api/returns: a customer's request (`requested`) or staff opening
   * one for the account (`approved`). The order row is locked first, so
   * concurrent requests for one order are decided one after the other and
   * never together return more than was delivered.
   */
  async create(actor: AuthUser, body: CreateReturnDto): Promise<ProductReturn> {
    const staff = !isCustomerActor(actor);
    checkRequestShape(body, staff);
    const made = await this.dataSource.transaction(async (tx) => {
      const order = await this.readableOrder(tx, actor, body.orderId, true);
      const account = { id: order.accountId, accountManagerId: order.accountManagerId };
      const action = staff ? 'open' : 'request';
      if (!mayActOnReturn(actor, account, action)) {
        throw forbidden(
          staff
            ? 'Only the account’s manager, the warehouse and admins open returns for an account'
            : 'Only the account’s own users ask for returns of its orders',
        );
      }
      const settings = await this.returns.settings(tx);
      const rows = await this.returns.returnableLines(tx, order.id);
      const refused = this.refusals(body, rows, settings.defaultWindowDays);
      if (refused.unknown.length > 0)
        throw badRequest('Some lines are not lines of this order', refused.unknown);
      if (refused.over.length > 0)
        throw conflict('Some lines cannot be returned as asked; nothing was returned', refused.over);
      const waived = staff && body.waiveFee === true;
      const status = initialReturnStatus(staff ? 'staff' : 'customer');
      const byId = new Map(rows.map((row) => [row.orderLineId, row]));
      const inserted = await this.returns.insert(tx, {
        orderId: order.id,
        accountId: order.accountId,
        status,
        openedBy: staff ? 'staff' : 'customer',
        requestedBy: actor.id,
        feeWaived: waived,
        feeWaivedReason: waived ? (body.reason?.trim() ?? null) : null,
        lines: body.lines.map((line) => ({
          orderLineId: line.orderLineId,
          productId: byId.get(line.orderLineId)?.productId ?? '',
          quantity: line.quantity,
          reason: line.reason,
          note: line.note?.trim() || null,
          resolution: staff ? (line.resolution ?? 'credit') : 'credit',
          unitPrice: byId.get(line.orderLineId)?.unitPrice ?? '0',
          // The fee the admin set for the reason when asked; none once waived.
          feePercent: waived ? '0' : settings.fees[line.reason],
        })),
      });
      await this.returns.events(tx, inserted.id, [
        {
          actorId: actor.id,
          kind: staff ? 'opened' : 'requested',
          fromStatus: null,
          toStatus: status,
          reason: waived ? (body.reason?.trim() ?? null) : null,
          data: waived ? { feeWaived: true } : null,
          outbox: 'return_created',
        },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return',
        entityId: inserted.id,
        accountId: order.accountId,
        action: 'create',
        before: null,
        after: {
          number: inserted.number,
          orderId: order.id,
          status,
          lines: body.lines.length,
          units: body.lines.reduce((sum, line) => sum + line.quantity, 0),
          ...(waived ? { feeWaived: true } : {}),
        },
      });
      const notified = staff
        ? await this.notifications.notifyAboutReturn(tx, [
            {
              userIds: await this.returns.buyersOf(tx, order.accountId),
              kind: 'return_approved',
              title: `Return ${inserted.number} opened for order ${order.number}`,
              body: sendBackInstructions(inserted.number),
              returnId: inserted.id,
            },
          ])
        : await this.notifications.notifyAboutReturn(tx, [
            {
              userIds: order.accountManagerId ? [order.accountManagerId] : [],
              kind: 'return_requested',
              title: `Return ${inserted.number} requested`,
              body: `A return of ${body.lines.length} line${body.lines.length === 1 ? '' : 's'} of order ${order.number} waits for a decision.`,
              returnId: inserted.id,
            },
          ]);
      return { id: inserted.id, notified };
    });
    await this.notifications.mail(made.notified);
    return this.read(made.id);
  }

  /** POST /:id/approve: resolutions per line (default credit), optionally the fee waived with a reason. */
  async approve(actor: AuthUser, id: string, body: ApproveReturnDto): Promise<ProductReturn> {
    if (body.waiveFee && !body.reason?.trim())
      throw badRequest('Say why the fee is waived', [
        { field: 'reason', message: 'is required with waiveFee' },
      ]);
    const notified = await this.dataSource.transaction(async (tx) => {
      const row = await this.access.lockFor(tx, actor, id, 'approve');
      const lines = await this.returns.linesOf([id], tx);
      const known = new Set(lines.map((line) => line.id));
      const errors: FieldError[] = (body.lines ?? []).flatMap((line, index) =>
        known.has(line.returnLineId)
          ? []
          : [{ field: `lines[${index}].returnLineId`, message: 'is not a line of this return' }],
      );
      if (errors.length > 0) throw badRequest('Some lines are not lines of this return', errors);
      await this.returns.setResolutions(
        tx,
        body.lines?.map((line) => ({ id: line.returnLineId, ...line })) ?? [],
      );
      const waive = body.waiveFee === true;
      if (waive) await this.returns.waiveFees(tx, id);
      await this.returns.update(tx, id, {
        status: 'approved',
        ...(waive ? { feeWaived: true, feeWaivedReason: body.reason?.trim() ?? null } : {}),
      });
      await this.returns.events(tx, id, [
        {
          actorId: actor.id,
          kind: 'approved',
          fromStatus: row.status,
          toStatus: 'approved',
          reason: body.reason?.trim() || null,
          data: {
            ...(waive ? { feeWaived: true } : {}),
            ...(body.lines?.length ? { resolutions: body.lines } : {}),
          },
          outbox: 'return_status',
        },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return',
        entityId: id,
        accountId: row.accountId,
        action: 'update',
        before: { status: row.status, feeWaived: row.feeWaived },
        after: { status: 'approved', feeWaived: row.feeWaived || waive },
        keep: ['status'],
      });
      return this.tellBuyers(tx, row.accountId, id, {
        kind: 'return_approved',
        title: `Return ${row.number} approved`,
        body: sendBackInstructions(row.number),
      });
    });
    await this.notifications.mail(notified);
    return this.read(id);
  }

  /** POST /:id/reject: with a reason, told to the buyers. */
  async reject(actor: AuthUser, id: string, reason: string): Promise<ProductReturn> {
    const notified = await this.dataSource.transaction(async (tx) => {
      const row = await this.access.lockFor(tx, actor, id, 'reject');
      await this.returns.update(tx, id, { status: 'rejected', rejectionReason: reason.trim() });
      await this.returns.events(tx, id, [
        {
          actorId: actor.id,
          kind: 'rejected',
          fromStatus: row.status,
          toStatus: 'rejected',
          reason: reason.trim(),
          outbox: 'return_status',
        },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return',
        entityId: id,
        accountId: row.accountId,
        action: 'update',
        before: { status: row.status },
        after: { status: 'rejected', rejectionReason: reason.trim() },
      });
      return this.tellBuyers(tx, row.accountId, id, {
        title: `Return ${row.number} was not accepted`,
        body: reason.trim(),
      });
    });
    await this.notifications.mail(notified);
    return this.read(id);
  }

  /** The account's buyers hear about a step of their return. */
  tellBuyers(
    tx: EntityManager,
    accountId: string,
    returnId: string,
    message: {
      title: string;
      body: string;
      kind?: 'return_approved' | 'return_updated' | 'credit_note_issued';
    },
  ): Promise<MadeNotification[]> {
    return this.returns.buyersOf(tx, accountId).then((userIds) =>
      this.notifications.notifyAboutReturn(tx, [
        {
          userIds,
          kind: message.kind ?? 'return_updated',
          title: message.title,
          body: message.body,
          returnId,
        },
      ]),
    );
  }

  /** The order, 404 unless the actor may read its account; locked when asked. */
  private async readableOrder(
    manager: EntityManager,
    actor: AuthUser,
    orderId: string,
    lock: boolean,
  ): Promise<ReturnOrderRow> {
    const order = await this.returns.order(manager, orderId, lock);
    if (!order || !canReadAccount(actor, { id: order.accountId, accountManagerId: order.accountManagerId })) {
      throw notFound('Order');
    }
    return order;
  }

  private facts(row: ReturnableLineRow, windowDays: number, now: Date) {
    return {
      delivered: row.delivered,
      alreadyReturned: row.alreadyReturned,
      deliveredAt: row.deliveredAt,
      windowDays,
      now,
      timeZone: this.config.timeZone,
    };
  }

  /** Lines the order does not have (400), and lines asking more than may come back, and why (409). */
  private refusals(
    body: CreateReturnDto,
    rows: ReturnableLineRow[],
    defaultWindowDays: number,
  ): { unknown: FieldError[]; over: FieldError[] } {
    const byId = new Map(rows.map((row) => [row.orderLineId, row]));
    const unknown: FieldError[] = [];
    const over: FieldError[] = [];
    const now = new Date();
    body.lines.forEach((line, index) => {
      const row = byId.get(line.orderLineId);
      if (!row) {
        unknown.push({ field: `lines[${index}].orderLineId`, message: 'is not a line of this order' });
        return;
      }
      const windowDays = effectiveReturnWindowDays(row.productWindowDays, defaultWindowDays);
      const result = returnableQuantity(this.facts(row, windowDays, now));
      if (line.quantity <= result.returnable) return;
      const which = `line ${row.lineNo} (${row.sku})`;
      const message =
        result.blockedBy === 'not_delivered'
          ? `${which} has not been delivered`
          : result.blockedBy === 'not_returnable'
            ? `${which} is not returnable`
            : result.blockedBy === 'window_closed'
              ? `${which}: the return window closed on ${result.windowEndsOn}`
              : result.blockedBy === 'all_returned'
                ? `${which} has been returned in full already`
                : `${which}: at most ${result.returnable} may be returned`;
      over.push({ field: `lines[${index}].quantity`, message });
    });
    return { unknown, over };
  }
}

/** Each order line once; customers set no resolution and waive no fee; a waiver says why. */
function checkRequestShape(body: CreateReturnDto, staff: boolean): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.lines.forEach((line, index) => {
    if (seen.has(line.orderLineId))
      errors.push({ field: `lines[${index}].orderLineId`, message: 'names an order line twice' });
    seen.add(line.orderLineId);
    if (!staff && line.resolution !== undefined)
      errors.push({ field: `lines[${index}].resolution`, message: 'is set by staff at approval' });
  });
  if (!staff && body.waiveFee === true)
    errors.push({ field: 'waiveFee', message: 'only staff waive the restocking fee' });
  if (staff && body.waiveFee && !body.reason?.trim())
    errors.push({ field: 'reason', message: 'is required with waiveFee' });
  if (errors.length > 0) throw badRequest('The return cannot be asked like this', errors);
}

/** What a buyer does once a return may come back: the RMA number on the parcel, the printed instructions inside. */
function sendBackInstructions(number: string): string {
  return (
    `Write ${number} on the parcel and put the printed return instructions inside ` +
    `(attached, and on the return's page). We credit or replace the goods once they arrive.`
  );
}
