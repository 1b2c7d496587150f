import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, Order } from '@tradecounter/contracts';
import {
  channelMayActFor,
  deliversOrder,
  describeShipCompleteRefusal,
  nextStatus,
  shipCompleteRefusal,
  shipmentProblems,
  statusAfterShipment,
} from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { Caller } from '../auth/decorators';
import { AvailabilityService } from '../availability/availability.service';
import { badRequest, conflict, namedConflict, notFound } from '../common/http/problem';
import { OrderLifecycleService, OrderStep } from '../orders/order-lifecycle.service';
import { OrderShippingService, type ShippingLineRow } from '../orders/order-shipping.service';
import type { LockedOrder } from '../orders/orders.repository';
import type { CreateShipmentDto } from './dto/create-shipment.dto';
import type { PackOrderDto } from './dto/pack-order.dto';
import { ShipmentsRepository } from './shipments.repository';
import { OrderCheckService } from '../warehouse/order-check.service';

/** A delivery time may be this far ahead of the server's clock (clocks differ a little). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The warehouse moves an order on: start picking, pack, ship (in parts),
 * deliver. Each step runs through OrderLifecycleService.transition, so it
 * holds the order's row lock, writes the order event and audit entry, and
 * commits with what it changes here (packages, the shipment, stock).
 */
@Injectable()
export class ShippingService {
  constructor(
    private readonly lifecycle: OrderLifecycleService,
    private readonly lines: OrderShippingService,
    private readonly availability: AvailabilityService,
    private readonly shipments: ShipmentsRepository,
    private readonly checks: OrderCheckService,
  ) {}

  /** The order a shipment belongs to (for its packing slip, read then through the order's own scope). */
  async orderOfShipment(shipmentId: string): Promise<string | null> {
    return (await this.shipments.orderOf(shipmentId)) ?? null;
  }

  startPicking(actor: AuthUser, orderId: string): Promise<Order> {
    return this.lifecycle.transition(actor, orderId, (order) => ({
      to: required(order, 'start_picking', 'picked'),
      kind: 'picking',
      reason: null,
    }));
  }

  pack(actor: AuthUser, orderId: string, body: PackOrderDto): Promise<Order> {
    return this.lifecycle.transition(actor, orderId, async (order, tx) => {
      const to = required(order, 'pack', 'packed');
      await this.checks.requireComplete(tx, order.id, order.number);
      await this.shipments.insertPackages(
        tx,
        order.id,
        body.packages.map((pkg) => pkg.weightKg ?? null),
      );
      return { to, kind: 'packed', reason: null, data: { packages: body.packages.length } };
    });
  }

  /**
   * One shipment: its units leave stock (on hand and reserved together), the
   * lines count them shipped, and the order is partially shipped or shipped.
   * The stock rows are locked (by product, as every writer does) before the
   * lines are read, so a receipt reserving more meanwhile is seen.
   */
  ship(actor: AuthUser, orderId: string, body: CreateShipmentDto): Promise<Order> {
    return this.lifecycle.transition(actor, orderId, async (order, tx): Promise<OrderStep> => {
      if (nextStatus(order.status, 'ship_part') === null) {
        throw conflict(`Order ${order.number} is ${order.status} and cannot ship`);
      }
      const before = await this.lines.lines(tx, order.id);
      const productOf = new Map(before.map((line) => [line.id, line.productId]));
      const products = body.lines.flatMap((line) => productOf.get(line.orderLineId.toLowerCase()) ?? []);
      await this.availability.lockHeld(tx, order.warehouseCode, products, []);
      const lines = await this.lines.lines(tx, order.id);
      refuseProblems(order, lines, body);
      const overridden = await this.holdShipComplete(tx, actor, order, lines, body);
      const to = statusAfterShipment(order.status, lines, body.lines);
      if (!to) throw conflict(`Order ${order.number} is ${order.status} and cannot ship`);
      const shipped = body.lines.map((line) => ({
        orderLineId: line.orderLineId.toLowerCase(),
        quantity: line.quantity,
      }));
      await this.availability.ship(
        tx,
        order.warehouseCode,
        shipped.map((line) => ({ productId: productOf.get(line.orderLineId) ?? '', qty: line.quantity })),
      );
      await this.lines.markShipped(tx, order.id, shipped);
      const carrier = body.carrier.trim();
      const shipmentId = await this.shipments.insertShipment(tx, {
        orderId: order.id,
        carrier,
        trackingNumber: body.trackingNumber,
        shippedBy: actor.id,
        lines: shipped,
      });
      const skuOf = new Map(lines.map((line) => [line.id, line.sku]));
      return {
        to,
        kind: 'shipment',
        reason: null,
        data: {
          shipmentId,
          carrier,
          trackingNumber: body.trackingNumber,
          lines: shipped.map((line) => ({ ...line, sku: skuOf.get(line.orderLineId) ?? '' })),
          ...(overridden ? { shipCompleteOverridden: true } : {}),
        },
      };
    });
  }

  /**
   * Ship complete means one shipment (domain.md): a shipment leaving units
   * behind answers 409 unless staff override with a reason, which is
   * recorded as an order event. Decided on the lines read under the order's
   * lock, so two shipments racing each see what the other shipped.
   * True when the shipment goes out by override.
   */
  private async holdShipComplete(
    tx: EntityManager,
    actor: AuthUser,
    order: LockedOrder,
    lines: ShippingLineRow[],
    body: CreateShipmentDto,
  ): Promise<boolean> {
    const refusal = shipCompleteRefusal(order.shipComplete, lines, body.lines);
    if (!refusal) return false;
    const reason = body.overrideShipComplete?.reason.trim();
    if (!reason) {
      throw namedConflict(
        'ship-complete',
        'This order ships complete',
        `Order ${order.number} ships complete: all lines in one shipment. ` +
          `${describeShipCompleteRefusal(refusal)}. ` +
          'Ship everything that remains, or override with a reason.',
      );
    }
    await this.lines.recordShipCompleteOverride(
      tx,
      order,
      actor.id,
      reason,
      refusal.lines.map(({ sku, left }) => ({ sku, left })),
    );
    return true;
  }

  /**
   * A shipment delivered, as the warehouse or a carrier's integration (named
   * in the event) reports it; the order is delivered once fully shipped and
   * every shipment delivered. An integration reaches only the shipments of
   * the accounts its key is bound to: any other is missing, as an unknown id.
   */
  async deliver(caller: Caller, shipmentId: string, deliveredAt: string): Promise<Order> {
    const orderId = await this.shipments.orderOf(shipmentId);
    if (!orderId) throw notFound('Shipment');
    return this.lifecycle.transition(caller.user ?? null, orderId, async (order, tx) => {
      const outOfReach = caller.integration && !channelMayActFor(caller.integration.binding, order.accountId);
      const shipment = outOfReach ? null : await this.shipments.lock(tx, shipmentId);
      if (!shipment) throw notFound('Shipment');
      if (shipment.deliveredAt) {
        throw conflict(`This shipment was already delivered at ${shipment.deliveredAt.toISOString()}`);
      }
      const at = new Date(deliveredAt);
      if (at.getTime() > Date.now() + CLOCK_SKEW_MS) {
        throw badRequest('A delivery cannot be in the future', [
          { field: 'deliveredAt', message: 'must not be in the future' },
        ]);
      }
      if (at < shipment.shippedAt) {
        throw badRequest('A shipment cannot be delivered before it shipped', [
          {
            field: 'deliveredAt',
            message: `must be at or after ${shipment.shippedAt.toISOString()}, when it shipped`,
          },
        ]);
      }
      await this.shipments.markDelivered(tx, shipmentId, at);
      const all = await this.shipments.deliveries(tx, order.id);
      return {
        to: deliversOrder(order.status, all) ? 'delivered' : order.status,
        kind: 'delivered',
        reason: caller.integration ? `Reported by integration ${caller.integration.name}` : null,
        data: { shipmentId, ...(caller.integration ? { integration: caller.integration.name } : {}) },
      };
    });
  }
}

function required(order: LockedOrder, action: 'start_picking' | 'pack', what: string) {
  const to = nextStatus(order.status, action);
  if (!to) throw conflict(`Order ${order.number} is ${order.status} and cannot be ${what} now`);
  return to;
}

/** 400 when a line is not the order's or named twice; 409 when more is asked than remains or is in stock. */
function refuseProblems(
  order: LockedOrder,
  lines: Parameters<typeof shipmentProblems>[0],
  body: CreateShipmentDto,
): void {
  const problems = shipmentProblems(lines, body.lines);
  const invalid: FieldError[] = problems
    .filter((problem) => problem.kind === 'invalid')
    .map((problem) => ({ field: `lines[${problem.index}].orderLineId`, message: problem.message }));
  if (invalid.length > 0) throw badRequest('Some shipment lines name no line of this order', invalid);
  const short = problems.map((problem) => ({
    field: `lines[${problem.index}].quantity`,
    message: problem.message,
  }));
  if (short.length > 0) throw conflict(`Order ${order.number} cannot ship these quantities`, short);
}
