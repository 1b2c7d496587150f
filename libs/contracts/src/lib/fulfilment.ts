import type { IsoDate, IsoInstant } from './common';
import type { OrderStatus, ShipmentLine } from './orders';

/** The carriers the portal offers; the API takes any carrier name. */
export const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL', 'Own fleet', 'Customer collect'] as const;

/** The warehouse board's queues: orders still to fulfil, and shipped orders awaiting delivery. */
export const FULFILMENT_QUEUES = ['confirmed', 'picking', 'packed', 'partially_shipped', 'shipped'] as const;
export type FulfilmentQueue = (typeof FULFILMENT_QUEUES)[number] & OrderStatus;

/** What `GET /api/fulfilment/orders` sorts by; the default is `placedAt` ascending (oldest first). */
export const FULFILMENT_SORT_FIELDS = ['placedAt', 'number', 'account', 'shipBy'] as const;
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
  /** The day the order must leave to keep its promise (its earliest current promised ship date of an unshipped line); null when nothing is left to ship. */
  shipBy: IsoDate | null;
  /** shipBy is before today in the warehouse's calendar. */
  late: boolean;
  /** The open wave the order is in, if any. */
  waveId: string | null;
  /** Its number (`W-000001`), for the board's "In wave" chip. */
  waveNumber: string | null;
  /** Every line confirmed at the check step. */
  checked: boolean;
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

/** A wave: one pick list across several orders of a warehouse (POST /api/fulfilment/waves). */
export const WAVE_STATUSES = ['open', 'closed'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

export interface CreateWaveRequest {
  warehouseCode: string;
  /** Orders in `confirmed`, none in another open wave (409 otherwise). */
  orderIds: string[];
}

/** Units of one wave line that go to one order line. */
export interface WaveLineAllocation {
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  lineNo: number;
  quantity: number;
  /** Units reported short for this order line in this wave. */
  short: number;
}

/** One stop of the walk: a product at a bin, with the orders its units go to. */
export interface WaveLine {
  productId: string;
  sku: string;
  name: string;
  /** Null when no bin is recorded: such lines come last. */
  bin: string | null;
  /** Units to pick here: the sum of the allocations. */
  quantity: number;
  allocations: WaveLineAllocation[];
}

export interface WaveOrder {
  orderId: string;
  orderNumber: string;
  accountName: string;
  status: OrderStatus;
  shipBy: IsoDate | null;
}

/** GET /api/fulfilment/waves/:id: lines in walking order (bins sorted naturally). */
export interface Wave {
  id: string;
  /** `W-000001`. */
  number: string;
  warehouseCode: string;
  status: WaveStatus;
  createdAt: IsoInstant;
  createdBy: { id: string; name: string } | null;
  closedAt: IsoInstant | null;
  orders: WaveOrder[];
  lines: WaveLine[];
}

/** One row of GET /api/fulfilment/waves?warehouseCode=&status= */
export interface WaveSummary {
  id: string;
  number: string;
  warehouseCode: string;
  status: WaveStatus;
  createdAt: IsoInstant;
  orderCount: number;
  units: number;
}

/** POST /api/fulfilment/waves/:id/short: the bin held less than the system said. */
export interface ShortPickRequest {
  orderLineId: string;
  /** Units missing (not picked). */
  quantity: number;
  reason: string;
}

/** POST /api/orders/:id/check: scans or typed lines; a scan names a SKU or a barcode. */
export interface CheckOrderRequest {
  lines: { sku?: string; barcode?: string; quantity: number }[];
}

export interface OrderCheckLine {
  orderLineId: string;
  lineNo: number;
  sku: string;
  name: string;
  /** Units this check expects: reserved and not yet shipped. */
  expected: number;
  /** Units confirmed so far (scans add up). */
  confirmed: number;
  done: boolean;
}

export interface OrderCheckMismatch {
  at: IsoInstant;
  by: { id: string; name: string } | null;
  /** What was scanned or typed. */
  code: string;
  quantity: number;
  message: string;
}

/** GET /api/orders/:id/check, and the answer of POST: packing needs `complete`. */
export interface OrderCheck {
  orderId: string;
  orderNumber: string;
  complete: boolean;
  lines: OrderCheckLine[];
  mismatches: OrderCheckMismatch[];
}

export const VELOCITY_CLASSES = ['A', 'B', 'C'] as const;
export type VelocityClass = (typeof VELOCITY_CLASSES)[number];

/** GET /api/fulfilment/velocity?warehouseCode=: picks in the last 90 days, most picked first. */
export interface VelocityRow {
  productId: string;
  sku: string;
  name: string;
  bin: string | null;
  /** Order lines picked (shipped) in the last 90 days. */
  picks: number;
  /** Running share of all picks, most picked first (0 to 1). */
  cumulativeShare: number;
  velocityClass: VelocityClass;
}

/** GET /api/fulfilment/slotting?warehouseCode=: A products outside the most accessible aisles. */
export interface SlottingReport {
  warehouseCode: string;
  /** The lowest-numbered aisles whose bins could hold every A product. */
  accessibleAisles: string[];
  rows: (VelocityRow & { aisle: string | null })[];
}
