import type {
  OpenOrderLine,
  Order,
  OrderEvent,
  OrderLine,
  OrderRating,
  OrderSummary,
  Shipment,
} from '@tradecounter/contracts';
import { trackingUrl } from '@tradecounter/domain';
import type {
  NewOrder,
  OpenLineRow,
  OrderEventRow,
  OrderLineRow,
  OrderRow,
  OrderSummaryRow,
  RatingRow,
  ShipmentRow,
} from './orders.repository';

export function toOrderSummary(row: OrderSummaryRow): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    accountId: row.accountId,
    accountCode: row.accountCode,
    accountName: row.accountName,
    status: row.status,
    channel: row.channel,
    externalRef: row.externalRef,
    poNumber: row.poNumber,
    subtotal: row.subtotal,
    currency: row.currency,
    lineCount: row.lineCount,
    placedAt: instant(row.placedAt),
    placedBy: row.placedById && row.placedByName ? { id: row.placedById, name: row.placedByName } : null,
    warehouseCode: row.warehouseCode,
    shipComplete: row.shipComplete,
    paidAt: row.paidAt ? instant(row.paidAt) : null,
  };
}

export function toOrder(row: OrderRow): Order {
  const address = row.shippingAddress;
  return {
    ...toOrderSummary(row),
    shippingAddress: {
      id: address.id,
      label: address.label,
      line1: address.line1,
      line2: address.line2,
      city: address.city,
      region: address.region,
      postcode: address.postcode,
      country: address.country,
    },
    requestedDeliveryDate: row.requestedDeliveryDate,
    notes: row.notes,
    quoteId: row.quoteId,
    lines: row.lines.map(toOrderLine),
    packages: row.packages.map((pkg) => ({
      packageNo: pkg.packageNo,
      weightKg: pkg.weightKg === null ? null : Number(pkg.weightKg),
    })),
    shipments: row.shipments.map(toShipment),
    rating: row.rating ? toRating(row.rating) : null,
    events: row.events.map(toOrderEvent),
  };
}

export function toOrderLine(line: OrderLineRow): OrderLine {
  return {
    id: line.id,
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    priceSource: line.priceSource,
    lineTotal: line.lineTotal,
    promise: { splits: line.promise.splits },
    requestedDate: line.requestedDate,
    firstPromisedDate: line.firstPromisedDate,
    currentPromisedDate: line.currentPromisedDate,
    allocated: line.reservedQty + line.allocatedQty,
    shipped: line.shippedQty,
    reserved: line.reservedQty,
    backordered: line.backorderedQty,
  };
}

export function toShipment(row: ShipmentRow): Shipment {
  return {
    id: row.id,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    trackingUrl: trackingUrl(row.urlTemplate, row.trackingNumber),
    shippedAt: instant(row.shippedAt),
    deliveredAt: row.deliveredAt ? instant(row.deliveredAt) : null,
    lines: row.lines ?? [],
  };
}

function toRating(row: RatingRow): OrderRating {
  return {
    score: row.score,
    comment: row.comment,
    at: instant(row.at),
    by: row.byId ? { id: row.byId, name: row.byName ?? '' } : null,
  };
}

export function toOrderEvent(event: OrderEventRow): OrderEvent {
  return {
    at: instant(event.at),
    by: event.actorId ? { id: event.actorId, name: event.actorName ?? '' } : null,
    from: event.fromStatus,
    to: event.toStatus,
    kind: event.kind,
    reason: event.reason,
    ...(event.data?.changes ? { changes: event.data.changes } : {}),
  };
}

export function toOpenOrderLine(row: OpenLineRow): OpenOrderLine {
  return {
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    orderLineId: row.orderLineId,
    productId: row.productId,
    sku: row.sku,
    name: row.name,
    ordered: row.ordered,
    shipped: row.shipped,
    open: row.ordered - row.shipped,
    currentPromisedDate: row.currentPromisedDate,
    status: row.status,
  };
}

/** The order as it was just written: the response needs no second read. */
export function placedOrder(
  order: NewOrder,
  inserted: { id: string; number: string; lineIds: Map<number, string> },
  account: { id: string; code: string; name: string },
  placedBy: { id: string | null; name: string },
): Order {
  const placedAt = order.placedAt.toISOString();
  return toOrder({
    id: inserted.id,
    number: inserted.number,
    accountId: account.id,
    accountCode: account.code,
    accountName: account.name,
    status: order.status,
    channel: order.channel,
    externalRef: order.externalRef,
    poNumber: order.poNumber,
    subtotal: order.subtotal,
    currency: order.currency,
    lineCount: order.lines.length,
    placedAt: order.placedAt,
    placedById: placedBy.id,
    placedByName: placedBy.name,
    warehouseCode: order.warehouseCode,
    shipComplete: order.shipComplete,
    paidAt: null,
    shippingAddress: order.shippingAddress,
    requestedDeliveryDate: order.requestedDeliveryDate,
    notes: order.notes,
    quoteId: order.quoteId,
    lines: order.lines.map((line) => ({
      ...line,
      id: inserted.lineIds.get(line.lineNo) ?? '',
      currentPromisedDate: line.firstPromisedDate,
      shippedQty: 0,
    })),
    packages: [],
    shipments: [],
    rating: null,
    events: order.events.map((event) => ({
      at: placedAt,
      actorId: event.actorId,
      actorName: placedBy.name,
      kind: event.kind,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      data: null,
    })),
  });
}

/** Timestamps arrive as Date (columns) or as JSON text (aggregates); both leave as ISO 8601 UTC. */
function instant(value: Date | string): string {
  return new Date(value).toISOString();
}
