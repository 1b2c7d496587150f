import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Order, OrderStatus } from '@tradecounter/contracts';
import {
  canReadAccount,
  creditDecision,
  exposureChange,
  formatMoney,
  isCustomerActor,
  mayCancel,
  nextStatus,
  parseMoney,
} from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AvailabilityService } from '../availability/availability.service';
import { conflict, notFound } from '../common/http/problem';
import { toOrder } from './order.mapper';
import { closeFinishedWaves } from './wave-closing';
import { LockedOrder, OrdersRepository } from './orders.repository';

/** What a step decides: the new status, the event's kind and reason, and what else changes. */
export interface OrderStep {
  to: OrderStatus;
  kind: string;
  reason: string | null;
  /** Give back the stock and inbound units the order holds. */
  release?: boolean;
  paidAt?: Date;
  /** What the event records besides the transition (a shipment, a delivery). */
  data?: Record<string, unknown>;
}

/**
 * Decides a step for the order, read under its row lock, inside the
 * transaction; it may write what the step changes besides the order itself
 * (a shipment, packages) in `tx`, and throws (4xx) when the step does not apply.
 */
export type DecideStep = (order: LockedOrder, tx: EntityManager) => OrderStep | Promise<OrderStep>;

/**
 * The order's life after placement: cancel, approve, reject, release a
 * credit hold, mark paid, and the fulfilment steps (pick, pack, ship,
 * deliver) that the fulfilment context decides through `transition`. Each
 * runs under the order's row lock, checks the transition applies (409 if
 * not), records an order event (who, when, from, to, why) and an audit
 * entry, and commits as one.
 */
@Injectable()
export class OrderLifecycleService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly accounts: AccountsService,
    private readonly availability: AvailabilityService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** Customers until picking starts; staff until something has shipped. Everything held is released. */
  cancel(actor: AuthUser, id: string, reason: string | undefined): Promise<Order> {
    return this.run(actor, id, (order) => {
      const party = isCustomerActor(actor) ? 'customer' : 'staff';
      if (!mayCancel(order.status, party)) {
        throw conflict(
          party === 'customer' && mayCancel(order.status, 'staff')
            ? `Order ${order.number} is already being picked; ask your account manager to cancel it`
            : `Order ${order.number} is ${order.status} and can no longer be cancelled`,
        );
      }
      return { to: 'cancelled', kind: 'cancelled', reason: reason ?? null, release: true };
    });
  }

  /** An approver of the account lets an order over a buyer's limit go ahead: then credit decides. */
  approve(actor: AuthUser, id: string): Promise<Order> {
    return this.run(actor, id, async (order, tx) => {
      requireStep(order, 'approve', 'approved');
      const locked = await this.accounts.lockForOrdering(tx, order.accountId);
      if (!locked) throw notFound('Account');
      const { account } = locked;
      const exposure = parseMoney(
        (await this.orders.exposure([order.accountId], tx)).get(order.accountId) ?? '0',
      );
      const total = parseMoney(order.subtotal);
      // The order itself is part of the exposure while it waits; the check adds it once.
      const decision = creditDecision({
        total,
        exposure: order.paidAt ? exposure : exposure - total,
        creditLimit: parseMoney(account.creditLimit),
      });
      return {
        to: decision.status === 'on_hold' ? 'on_hold' : 'confirmed',
        kind: 'approved',
        reason: decision.status === 'confirmed' ? null : decision.reason,
      };
    });
  }

  reject(actor: AuthUser, id: string, reason: string): Promise<Order> {
    return this.run(actor, id, (order) => {
      requireStep(order, 'reject', 'rejected');
      return { to: 'rejected', kind: 'rejected', reason, release: true };
    });
  }

  releaseHold(actor: AuthUser, id: string): Promise<Order> {
    return this.run(actor, id, (order) => {
      requireStep(order, 'release_hold', 'released from credit hold');
      return { to: 'confirmed', kind: 'hold_released', reason: null };
    });
  }

  /** Payment received: the order no longer counts toward the account's credit exposure. */
  markPaid(actor: AuthUser, id: string): Promise<Order> {
    return this.run(actor, id, (order) => {
      if (order.paidAt) throw conflict(`Order ${order.number} is already marked paid`);
      if (order.status === 'cancelled' || order.status === 'rejected') {
        throw conflict(`Order ${order.number} is ${order.status}; there is nothing to pay`);
      }
      return { to: order.status, kind: 'paid', reason: null, paidAt: new Date() };
    });
  }

  /**
   * A step decided by another context (fulfilment) under the same lock,
   * event and audit as every other: the one way an order's status changes.
   */
  /** A step taken by a user, or (actor null) by an integration, which may act on any account's order. */
  transition(actor: AuthUser | null, id: string, decide: DecideStep): Promise<Order> {
    return this.run(actor, id, decide);
  }

  /**
   * The same step inside the caller's transaction (a wave starts picking
   * its orders with the wave itself): the caller commits, and locks orders
   * in a stable order when it steps several.
   */
  transitionIn(tx: EntityManager, actor: AuthUser | null, id: string, decide: DecideStep): Promise<void> {
    return this.step(tx, actor, id, decide);
  }

  private async run(actor: AuthUser | null, id: string, decide: DecideStep): Promise<Order> {
    await this.dataSource.transaction((tx) => this.step(tx, actor, id, decide));
    const found = await this.orders.find(id);
    if (!found) throw notFound('Order');
    return toOrder(found);
  }

  private async step(
    tx: EntityManager,
    actor: AuthUser | null,
    id: string,
    decide: DecideStep,
  ): Promise<void> {
    const order = await this.orders.lock(tx, id);
    if (
      !order ||
      (actor && !canReadAccount(actor, { id: order.accountId, accountManagerId: order.accountManagerId }))
    ) {
      throw notFound('Order');
    }
    const step = await decide(order, tx);
    if (step.release) await this.release(tx, order);
    await this.orders.setStatus(tx, order.id, step.to, { paidAt: step.paidAt });
    const exposureChange = exposureDelta(order, step);
    if (exposureChange !== 0n) {
      await this.orders.adjustExposure(tx, order.accountId, formatMoney(exposureChange));
    }
    await this.orders.insertEvent(tx, order.id, {
      actorId: actor?.id ?? null,
      kind: step.kind,
      fromStatus: order.status,
      toStatus: step.to,
      reason: step.reason,
      data: step.data ?? null,
    });
    await this.audit.record(tx, {
      actorId: actor?.id ?? null,
      entity: 'order',
      entityId: order.id,
      accountId: order.accountId,
      action: 'update',
      before: { status: order.status, paidAt: order.paidAt?.toISOString() ?? null },
      after: { status: step.to, paidAt: (step.paidAt ?? order.paidAt)?.toISOString() ?? null },
      keep: ['status'],
    });
    if (step.to !== order.status) await closeFinishedWaves(tx, order.id);
  }

  /**
   * Gives back what the order holds. The stock rows and receipts are locked
   * first (the order every writer follows), and what is held is read only
   * then: a receipt received meanwhile has already turned its allocation
   * into reserved stock, and that is what is released.
   */
  private async release(tx: EntityManager, order: LockedOrder): Promise<void> {
    const keys = await this.orders.heldKeys(tx, order.id);
    await this.availability.lockHeld(tx, order.warehouseCode, keys.productIds, keys.inboundIds);
    const held = await this.orders.held(tx, order.id);
    await this.availability.release(tx, order.warehouseCode, {
      stock: held.map((line) => ({ productId: line.productId, qty: line.reservedQty })),
      inbound: held.flatMap((line) => line.allocations),
    });
    await this.orders.clearHeld(tx, order.id);
  }
}

/** What the transition does to the account's exposure (see exposureChange). */
function exposureDelta(order: LockedOrder, step: OrderStep): bigint {
  const paid = order.paidAt !== null;
  return exposureChange(
    { status: order.status, paid },
    { status: step.to, paid: paid || step.paidAt !== undefined },
    parseMoney(order.subtotal),
  );
}

function requireStep(order: LockedOrder, action: 'approve' | 'reject' | 'release_hold', what: string): void {
  if (nextStatus(order.status, action) === null) {
    throw conflict(`Order ${order.number} is ${order.status}; only an order waiting for it can be ${what}`);
  }
}
