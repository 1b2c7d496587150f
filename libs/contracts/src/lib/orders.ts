import type { PromiseDates, PromiseSplit } from './availability';
import type { IsoDate, IsoInstant, LineReference, MoneyString, Problem, SortQuery } from './common';
import type { OrderPackage, OrderRating } from './fulfilment';
import type { PriceSource } from './pricing';

export type OrderStatus =
  | 'pending_approval'
  | 'on_hold'
  | 'confirmed'
  | 'picking'
  | 'packed'
  | 'partially_shipped'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'rejected';

/** `portal`, `phone`, `api`, `csv`, or a named integration. */
export type OrderChannel = string;

// ---- cart ----------------------------------------------------------------------

export interface CartLinePromise {
  /** Empty when nothing can be promised: the product is no longer sold (see the line's `problem`). */
  splits: PromiseSplit[];
  shipComplete: PromiseDates;
}

export interface CartLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  minOrderQty: number;
  orderMultiple: number;
  listPrice: MoneyString;
  unitPrice: MoneyString;
  lineTotal: MoneyString;
  /** The product's 96 px thumbnail, or null without an image. */
  thumbnailUrl: string | null;
  promise: CartLinePromise;
  /** Why the line cannot be ordered as it stands (product withdrawn, below minimum, …), else null. */
  problem: string | null;
}

export interface Cart {
  accountId: string;
  currency: string;
  warehouseCode: string;
  lines: CartLine[];
  subtotal: MoneyString;
  /** Ship complete: the latest split of every line. */
  shipComplete: PromiseDates | null;
  updatedAt: IsoInstant | null;
}

export interface SetCartLineRequest {
  quantity: number;
}

export interface QuickOrderRequest {
  lines: { sku: string; quantity: number }[];
}

/** The outcome of each row of a quick order or CSV import. */
export interface QuickOrderRowResult {
  /** 1-based row (CSV) or line index (JSON). */
  row: number;
  sku: string | null;
  quantity: number | null;
  status: 'added' | 'error';
  reason: string | null;
  /** Every row it stands for: a CSV naming a SKU twice is one result, its quantities summed. */
  rows: number[];
  /** The product the row named, when it named one. */
  productId: string | null;
  /** For a pack-rule refusal: the quantity to add instead so the cart line can be ordered. */
  suggestedQuantity: number | null;
}

/** The 400 of `PUT /api/cart/lines/:productId` for a quantity the pack rules refuse. */
export interface CartQuantityProblem extends Problem {
  /** The nearest orderable quantity at or above the one asked for (absent past the largest). */
  suggestedQuantity?: number;
}

export interface QuickOrderResult {
  cart: Cart;
  rows: QuickOrderRowResult[];
  added: number;
  failed: number;
}

// ---- templates -----------------------------------------------------------------

export interface OrderTemplateLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  /** false: the product is no longer sold; it stays listed and is reported when the template goes to the cart. */
  active: boolean;
}

/** A template as listed (GET /api/templates): without its lines. */
/** What `GET /api/templates` sorts by; the default is `name` ascending (case-insensitive). */
export const TEMPLATE_SORT_FIELDS = ['name', 'updatedAt'] as const;
export type TemplateSortField = (typeof TEMPLATE_SORT_FIELDS)[number];

export interface OrderTemplateSummary {
  id: string;
  name: string;
  lineCount: number;
  /** The account user who made it; null once that user is removed. */
  createdBy: { id: string; name: string } | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface OrderTemplate extends OrderTemplateSummary {
  lines: OrderTemplateLine[];
}

export interface CreateTemplateRequest {
  name: string;
  /** The lines; or `fromCart: true`, or `fromOrderId`. */
  lines?: { productId: string; quantity: number }[];
  fromCart?: boolean;
  fromOrderId?: string;
}

export interface UpdateTemplateRequest {
  name?: string;
  lines?: { productId: string; quantity: number }[];
}

// ---- orders --------------------------------------------------------------------

export interface PlaceOrderRequest {
  /** Staff placing for an account (channel `phone`). */
  accountId?: string;
  /** Without lines, the cart's lines are ordered and the cart emptied. */
  lines?: LineReference[];
  shippingAddressId: string;
  poNumber?: string;
  requestedDeliveryDate?: IsoDate;
  shipComplete: boolean;
  notes?: string;
  /** The subtotal the buyer saw; a different repriced subtotal answers 409 with the new prices. */
  expectedSubtotal?: MoneyString;
}

export interface OrderLine {
  id: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: MoneyString;
  /** Where the unit price came from at placement (`quote` for a line accepted from a sales quote); null for orders placed before it was recorded. */
  priceSource: PriceSource | null;
  lineTotal: MoneyString;
  promise: { splits: PromiseSplit[] };
  requestedDate: IsoDate | null;
  /** The delivery date first promised at placement (reports measure on-time against it). */
  firstPromisedDate: IsoDate;
  currentPromisedDate: IsoDate;
  /** Units reserved from stock or allocated from inbound for this line. */
  allocated: number;
  shipped: number;
  /** Of `allocated`, the units reserved from stock (the rest wait on inbound receipts). */
  reserved: number;
  /** Units beyond what stock and inbound could promise, coming from the supplier. */
  backordered: number;
}

export interface ShipmentLine {
  orderLineId: string;
  quantity: number;
}

export interface Shipment {
  id: string;
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page for this shipment (templates in settings); null for a carrier without one. */
  trackingUrl: string | null;
  shippedAt: IsoInstant;
  deliveredAt: IsoInstant | null;
  lines: ShipmentLine[];
}

export interface OrderEvent {
  at: IsoInstant;
  by: { id: string; name: string } | null;
  from: OrderStatus | null;
  to: OrderStatus | null;
  /** What happened besides a status change, e.g. `repromised`. */
  kind: string;
  reason: string | null;
  /** For `repromised`: each line whose promised delivery date moved. */
  changes?: PromiseChange[];
}

/** One line's promised delivery date moving after placement (the first promise never changes). */
export interface PromiseChange {
  lineNo: number;
  sku: string;
  from: IsoDate;
  to: IsoDate;
}

export interface OrderSummary {
  id: string;
  number: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  status: OrderStatus;
  channel: OrderChannel;
  externalRef: string | null;
  poNumber: string | null;
  subtotal: MoneyString;
  currency: string;
  lineCount: number;
  placedAt: IsoInstant;
  placedBy: { id: string; name: string } | null;
  warehouseCode: string;
  shipComplete: boolean;
  paidAt: IsoInstant | null;
}

export interface Order extends OrderSummary {
  shippingAddress: {
    /** Null for an address an integration sent with the order. */
    id: string | null;
    label: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postcode: string;
    country: string;
  };
  requestedDeliveryDate: IsoDate | null;
  notes: string | null;
  /** The sales quote the order was accepted from, else null. */
  quoteId: string | null;
  lines: OrderLine[];
  /** Parcels recorded when the order was packed (empty before). */
  packages: OrderPackage[];
  shipments: Shipment[];
  /** The buyer's rating of the delivery, once delivered and rated. */
  rating: OrderRating | null;
  events: OrderEvent[];
}

/** What `GET /api/orders` sorts by; the default is `placedAt` descending. */
export const ORDER_SORT_FIELDS = ['placedAt', 'number', 'poNumber', 'status', 'subtotal'] as const;
export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];

/** What `GET /api/orders/open-lines` sorts by; the default is the promised date, soonest first. */
export const OPEN_LINE_SORT_FIELDS = ['promisedDate', 'orderNumber', 'sku'] as const;
export type OpenLineSortField = (typeof OPEN_LINE_SORT_FIELDS)[number];

export interface OrderQuery extends SortQuery<OrderSortField> {
  status?: OrderStatus;
  accountId?: string;
  channel?: string;
  /** Placed on or after this date (deployment time zone). */
  from?: IsoDate;
  /** Placed on or before this date. */
  to?: IsoDate;
  search?: string;
  page?: number;
  pageSize?: number;
}

/** One line of `POST /api/orders?dryRun=true`: priced and promised as placing it would. */
export interface OrderPreviewLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: MoneyString;
  lineTotal: MoneyString;
  promise: { splits: PromiseSplit[] };
  /** The delivery date placing would promise the line (the order's one date with ship complete). */
  promisedDate: IsoDate;
  /** Units that would be reserved from stock, allocated from inbound receipts, and backordered from the supplier. */
  fromStock: number;
  fromInbound: number;
  backordered: number;
}

/** Where the order would start, with the figures that decide it. */
export type OrderPreviewOutcome =
  | { kind: 'placed'; status: 'confirmed'; orderTotal: MoneyString }
  | {
      kind: 'needs_approval';
      status: 'pending_approval';
      orderTotal: MoneyString;
      /** The placing buyer's order limit. */
      orderLimit: MoneyString;
      overBy: MoneyString;
      /** The account's active approvers: who the order goes to. */
      approvers: { id: string; name: string }[];
    }
  | {
      kind: 'credit_hold';
      status: 'on_hold';
      orderTotal: MoneyString;
      creditLimit: MoneyString;
      creditExposure: MoneyString;
      availableCredit: MoneyString;
      /** How far exposure plus this order passes the credit limit. */
      overBy: MoneyString;
    };

/**
 * `POST /api/orders?dryRun=true`: what placing this body would do, computed
 * by the placement's own steps and rolled back (nothing is written, no
 * Idempotency-Key is claimed). Refusals are the placement's (400, 404, 409).
 */
export interface OrderPreview {
  accountId: string;
  accountName: string;
  currency: string;
  warehouseCode: string;
  shipComplete: boolean;
  lines: OrderPreviewLine[];
  subtotal: MoneyString;
  /** The earliest delivery of the order: a requested delivery date cannot be before it. */
  earliestDelivery: IsoDate;
  outcome: OrderPreviewOutcome;
}

/** `GET /api/orders/:id/approval`: what an approver weighs, for an order waiting for approval. */
export interface OrderApprovalFacts {
  orderId: string;
  status: OrderStatus;
  orderTotal: MoneyString;
  /** The order limit of the buyer who placed it, as it is now; null when they have none (or are gone). */
  orderLimit: MoneyString | null;
  /** How far the order is over that limit; null without a limit, "0.00" when it is within. */
  overBy: MoneyString | null;
  placedBy: { id: string; name: string } | null;
}

/** The 409 of `POST /api/orders` when the repriced subtotal is not the `expectedSubtotal` sent: the new prices. */
export interface PriceChangedProblem extends Problem {
  expectedSubtotal: MoneyString;
  subtotal: MoneyString;
  lines: {
    productId: string;
    sku: string;
    quantity: number;
    unitPrice: MoneyString;
    lineTotal: MoneyString;
  }[];
}

export interface OrderReasonRequest {
  reason?: string;
}

/** One ordered unit range not yet shipped (GET /api/orders/open-lines). */
export interface OpenLinesQuery extends SortQuery<OpenLineSortField> {
  accountId?: string;
  page?: number;
  pageSize?: number;
}

export interface OpenOrderLine {
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  productId: string;
  sku: string;
  name: string;
  ordered: number;
  shipped: number;
  open: number;
  currentPromisedDate: IsoDate;
  status: OrderStatus;
}

/** Checkout facts shown before committing. */
export interface CreditStatus {
  accountId: string;
  creditLimit: MoneyString;
  creditExposure: MoneyString;
  availableCredit: MoneyString;
  paymentTerms: string;
  onHold: boolean;
}
