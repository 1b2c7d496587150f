import type { IsoInstant } from './common';
import type { OrderStatus, ShipmentLine } from './orders';

/** The carriers the portal offers; the API takes any carrier name. */
export const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL', 'Own fleet', 'Customer collect'] as const;

/** The warehouse board's queues: orders still to fulfil, and shipped orders awaiting delivery. */
export const FULFILMENT_QUEUES = ['confirmed', 'picking', 'packed', 'partially_shipped', 'shipped'] as const;
export type FulfilmentQueue = (typeof FULFILMENT_QUEUES)[number] & OrderStatus;

/** What `GET /api/fulfilment/orders` sorts by; the default is `placedAt` ascending (oldest first). */
export const FULFILMENT_SORT_FIELDS = ['placedAt', 'number', 'account'] as const;
export type FulfilmentSortField = (typeof FULFILMENT_SORT_FIELDS)[number];

/** GET /api/fulfilment/queues?warehouseCode=: how many orders wait in each queue. */
export interface FulfilmentQueues {
  warehouseCode: string;
  counts: Record<FulfilmentQueue, number>;
}

/** One order on the warehouse board (GET /api/fulfilment/orders?warehouseCode=&status=), oldest first. */
export interface FulfilmentOrder {
  id: string;
  number: string;
  accountCode: string;
  accountName: string;
  status: OrderStatus;
  placedAt: IsoInstant;
  shipComplete: boolean;
  lineCount: number;
  /** Units ordered, shipped, and ready to ship (reserved from stock, not yet shipped). */
  units: number;
  shipped: number;
  ready: number;
  shipments: number;
  undelivered: number;
}

/** One line to pick: units reserved and not yet shipped, and where they are. */
export interface PickListLine {
  orderLineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  /** Where the product is kept at the warehouse (e.g. `A-03-2`); null when no bin is recorded. */
  binLocation: string | null;
  quantity: number;
  shipped: number;
  pickable: number;
}

/** GET /api/fulfilment/pick-list?warehouseCode=: orders to pick, oldest first, lines by bin. */
export interface PickListOrder {
  orderId: string;
  orderNumber: string;
  accountCode: string;
  accountName: string;
  status: OrderStatus;
  placedAt: IsoInstant;
  shipComplete: boolean;
  lines: PickListLine[];
}

export interface OrderPackage {
  packageNo: number;
  weightKg: number | null;
}

/** POST /api/orders/:id/pack: the parcels the order was packed in. */
export interface PackOrderRequest {
  packages: { weightKg?: number }[];
}

/** POST /api/orders/:id/shipments */
export interface CreateShipmentRequest {
  carrier: string;
  trackingNumber: string;
  lines: ShipmentLine[];
  /**
   * Staff send part of a ship-complete order anyway, saying why (kept as an
   * order event). Without it such a shipment answers 409.
   */
  overrideShipComplete?: ShipCompleteOverride;
}

export interface ShipCompleteOverride {
  reason: string;
}

/** POST /api/shipments/:id/deliver */
export interface DeliverShipmentRequest {
  /** Not in the future, not before the shipment left. */
  deliveredAt: IsoInstant;
}

/** POST /api/orders/:id/rating: once per delivered order, by a user of its account. */
export interface RateDeliveryRequest {
  /** 1 (poor) to 5 (excellent). */
  score: number;
  comment?: string;
}

export interface OrderRating {
  score: number;
  comment: string | null;
  at: IsoInstant;
  by: { id: string; name: string } | null;
}

/** GET /api/carrier-tracking: where a carrier's tracking number is looked up. */
export interface CarrierTracking {
  carrier: string;
  /** An http(s) address with `{trackingNumber}` where the (URL-encoded) number goes. */
  urlTemplate: string;
  updatedAt: IsoInstant;
}

/** PUT /api/carrier-tracking/:carrier */
export interface SetCarrierTrackingRequest {
  urlTemplate: string;
}
