import type { IsoDate, IsoInstant, MoneyString, SortQuery } from './common';
import type { ReportFreshness } from './reports';

/**
 * Purchasing: buying what the orders need. Suppliers, each product's
 * purchasing facts, purchase orders (whose sent, unreceived quantity is
 * inbound supply for promises), the shortfall that nothing covers, and
 * replenishment suggestions.
 */

/** GET/POST /api/suppliers, PATCH /api/suppliers/:code */
export interface Supplier {
  code: string;
  name: string;
  email: string;
  /** Business days from sending a purchase order to its arrival. */
  leadTimeDays: number;
  /** Products whose primary supplier this is. */
  productCount: number;
  version: number;
}

export interface CreateSupplierRequest {
  code: string;
  name: string;
  email: string;
  leadTimeDays: number;
}

export type UpdateSupplierRequest = Partial<Omit<CreateSupplierRequest, 'code'>>;

/** Defaults of a product's purchasing facts (domain.md, "Replenishment"). */
export const DEFAULT_SAFETY_DAYS = 5;
export const DEFAULT_REVIEW_DAYS = 10;

/** A product's purchasing facts: GET/PUT /api/products/:id/supply (404 until set). */
export interface ProductSupply {
  productId: string;
  sku: string;
  supplierCode: string;
  supplierName: string;
  supplierSku: string;
  unitCost: MoneyString;
  /** The supplier's order multiple: purchase quantities are rounded up to it. */
  packSize: number;
  safetyDays: number;
  reviewDays: number;
}

export interface SetProductSupplyRequest {
  supplierCode: string;
  supplierSku: string;
  unitCost: MoneyString;
  packSize: number;
  safetyDays?: number;
  reviewDays?: number;
}

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'sent',
  'partially_received',
  'received',
  'cancelled',
  'closed',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export interface PurchaseOrderLine {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  /** The supplier's SKU when the product's supply names this supplier, else null. */
  supplierSku: string | null;
  warehouseCode: string;
  quantity: number;
  received: number;
  /** Units closed short or cancelled: they will not come. */
  closed: number;
  /** quantity − received − closed (never below 0): what is still expected. */
  open: number;
  /** Of the open units, those promised to order lines. */
  allocated: number;
  unitCost: MoneyString;
  /** quantity × unitCost. */
  lineTotal: MoneyString;
  expectedDate: IsoDate;
}

export interface PurchaseOrderEvent {
  at: IsoInstant;
  by: { id: string; name: string } | null;
  /** `created`, `updated`, `sent`, `received`, `rescheduled`, `closed`, `cancelled`. */
  kind: string;
  reason: string | null;
  /** For `received`: the units per line; for `rescheduled`: the line and its dates. */
  data: Record<string, unknown> | null;
}

/** GET /api/purchase-orders/:id */
export interface PurchaseOrder {
  id: string;
  /** `PO-000001`. */
  number: string;
  supplierCode: string;
  supplierName: string;
  supplierEmail: string;
  status: PurchaseOrderStatus;
  notes: string | null;
  createdAt: IsoInstant;
  sentAt: IsoInstant | null;
  /** The earliest expected date of a line with open units; null when none is open. */
  expectedDate: IsoDate | null;
  total: MoneyString;
  lines: PurchaseOrderLine[];
  events: PurchaseOrderEvent[];
  /** For If-Match on PATCH (drafts). */
  version: number;
}

/** One row of GET /api/purchase-orders. */
export interface PurchaseOrderSummary {
  id: string;
  number: string;
  supplierCode: string;
  supplierName: string;
  status: PurchaseOrderStatus;
  createdAt: IsoInstant;
  sentAt: IsoInstant | null;
  expectedDate: IsoDate | null;
  /** A sent line with open units whose expected date has passed. */
  overdue: boolean;
  lineCount: number;
  units: number;
  received: number;
  total: MoneyString;
}

export const PURCHASE_ORDER_SORT_FIELDS = ['number', 'createdAt', 'expectedDate', 'supplier'] as const;
export type PurchaseOrderSortField = (typeof PURCHASE_ORDER_SORT_FIELDS)[number];

export interface PurchaseOrderQuery extends SortQuery<PurchaseOrderSortField> {
  status?: PurchaseOrderStatus;
  supplierCode?: string;
  warehouseCode?: string;
  productId?: string;
  /** PO number, supplier name or code, or a line's SKU. */
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface PurchaseOrderLineRequest {
  productId: string;
  warehouseCode: string;
  quantity: number;
  /** Default: the product's supply unit cost (400 when the product has none). */
  unitCost?: MoneyString;
  /** Default: today + the supplier's lead time in the warehouse's business days, counted when sent. */
  expectedDate?: IsoDate;
}

/** POST /api/purchase-orders: a draft. */
export interface CreatePurchaseOrderRequest {
  supplierCode: string;
  notes?: string;
  lines: PurchaseOrderLineRequest[];
}

/** PATCH /api/purchase-orders/:id (drafts only; If-Match: the version). Lines replace the draft's lines. */
export interface UpdatePurchaseOrderRequest {
  notes?: string | null;
  lines?: PurchaseOrderLineRequest[];
}

/** POST /api/purchase-orders/:id/receipts */
export interface ReceivePurchaseOrderRequest {
  lines: { lineId: string; quantity: number }[];
}

/** POST /api/purchase-orders/:id/close: close short (all open lines, or the lines named). */
export interface ClosePurchaseOrderRequest {
  lineIds?: string[];
  reason: string;
}

/** POST /api/purchase-orders/:id/cancel (draft or sent with nothing received). */
export interface CancelPurchaseOrderRequest {
  reason: string;
}

/** POST /api/purchase-orders/:id/lines/:lineId/reschedule: move a sent line's expected date. */
export interface ReschedulePurchaseLineRequest {
  expectedDate: IsoDate;
  reason?: string;
}

/** GET/PUT /api/purchasing/settings (admin writes). */
export interface PurchasingSettings {
  /** Receiving may exceed the ordered quantity by this share of it (0 to 1; default 0). */
  receiptTolerance: number;
}

/** GET /api/purchasing/shortfall: demand that nothing covers, per product and warehouse. */
export interface ShortfallRow {
  productId: string;
  sku: string;
  name: string;
  warehouseCode: string;
  supplierCode: string | null;
  supplierName: string | null;
  /** Units of open order lines promised from `supplier` (beyond stock and inbound). */
  demand: number;
  /** Units already on draft purchase orders for it: drafting twice creates nothing twice. */
  onDraft: number;
  /** demand − onDraft, at least 0. */
  shortfall: number;
  packSize: number | null;
  /** shortfall rounded up to the pack: what a draft would order. */
  draftQuantity: number;
  orderLines: number;
  oldestPlacedAt: IsoInstant;
  earliestPromisedDate: IsoDate;
}

/** POST /api/purchasing/shortfall/draft and /api/purchasing/suggestions/draft */
export interface DraftPurchaseOrdersRequest {
  /** Default (shortfall only): every row with a supplier. */
  items?: { productId: string; warehouseCode: string; quantity?: number }[];
}

export interface DraftPurchaseOrdersResult {
  purchaseOrders: PurchaseOrderSummary[];
  /** Rows left out, and why (no supplier, nothing short any more, …). */
  skipped: { productId: string; warehouseCode: string; reason: string }[];
}

/** GET /api/purchasing/suggestions?warehouseCode=&supplierCode=&all= (default: only rows that suggest buying). */
export interface ReplenishmentSuggestion {
  productId: string;
  sku: string;
  name: string;
  warehouseCode: string;
  supplierCode: string | null;
  /** Units a day over the last 90 days, as a decimal string ("3.27"). */
  averageDailyDemand: string;
  available: number;
  /** Open units of sent purchase orders plus draft quantities. */
  onOrder: number;
  reorderPoint: number;
  orderUpTo: number;
  /** 0 when available + onOrder is above the reorder point; else up to orderUpTo, rounded up to the pack. */
  suggestedQty: number;
  packSize: number | null;
}

/** GET /api/reports/supplier-performance?from=&to= */
export interface SupplierPerformanceRow {
  supplierCode: string;
  supplierName: string;
  /** Purchase lines due (expected date) in the period. */
  lines: number;
  /** Of those, received in full by their expected date. */
  inFullOnTime: number;
  /** inFullOnTime / lines (0 to 1); null without lines. */
  inFullOnTimeShare: number | null;
  /** Mean business days late of the lines' last receipts (0 when on time); null without receipts. */
  averageDaysLate: number | null;
  /** Lines still open past their expected date. */
  overdueLines: number;
}

export interface SupplierPerformanceReport extends ReportFreshness {
  from: IsoDate;
  to: IsoDate;
  rows: SupplierPerformanceRow[];
}
