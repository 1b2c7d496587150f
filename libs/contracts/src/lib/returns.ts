import type { IsoDate, IsoInstant, MoneyString } from './common';
import type { ReportFilter, ReportFreshness } from './reports';

/**
 * Returns (RMA) and credit notes: after a delivery, a buyer asks to send
 * lines back, staff approve or reject, the warehouse receives what arrives
 * (restocked or scrapped), and each receipt of `credit` lines issues a credit
 * note at the price paid, less any restocking fee.
 *
 * Named `ProductReturn` because `Return` reads as a keyword everywhere else.
 */
export const RETURN_REASONS = ['damaged', 'defective', 'wrong_item', 'not_needed', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received', 'credited'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** What the buyer gets for a line once it is back: money, or the same goods again. */
export const RETURN_RESOLUTIONS = ['credit', 'replace'] as const;
export type ReturnResolution = (typeof RETURN_RESOLUTIONS)[number];

/** What the warehouse does with units that came back. */
export const RETURN_CONDITIONS = ['restock', 'scrap'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** The default return window, in calendar days after delivery, when a product names none. */
export const DEFAULT_RETURN_WINDOW_DAYS = 30;

export interface ReturnPhoto {
  id: string;
  /** `GET` it (same scope as the return). */
  url: string;
  contentType: string;
}

export interface ReturnLine {
  id: string;
  orderLineId: string;
  /** The order line's position (1-based) on its order. */
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  /** Units asked to be returned (or opened by staff). */
  quantity: number;
  reason: ReturnReason;
  note: string | null;
  /** Set at approval; `credit` until then. */
  resolution: ReturnResolution;
  /** The unit price paid on the order line. */
  unitPrice: MoneyString;
  /** The restocking fee for this line's reason, as a percentage string ("10", "12.5"); "0" when waived or unset. */
  feePercent: string;
  received: number;
  restocked: number;
  scrapped: number;
  /** Units credited so far (received `credit` units). */
  credited: number;
  /** The replacement order placed when a `replace` line was received. */
  replacementOrder: { id: string; number: string } | null;
}

export interface ReturnEvent {
  at: IsoInstant;
  by: { id: string; name: string } | null;
  from: ReturnStatus | null;
  to: ReturnStatus | null;
  /** `requested`, `opened` (by staff), `approved`, `rejected`, `received` (a receipt), `closed`, `credited`, `credit_note`, `replacement_placed`, `photo_added`. */
  kind: string;
  reason: string | null;
  /** For `credit_note`: the note; for `replacement_placed`: the order. */
  creditNote?: { id: string; number: string; total: MoneyString } | null;
  order?: { id: string; number: string } | null;
}

export interface ReturnSummary {
  id: string;
  /** `RMA-000001`. */
  number: string;
  orderId: string;
  orderNumber: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  status: ReturnStatus;
  /** Total units on the return. */
  units: number;
  /** What the credit would be for every `credit` line's full quantity, at the price paid less fees. */
  estimatedCredit: MoneyString;
  /** What credit notes have credited so far. */
  creditedTotal: MoneyString;
  currency: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface ProductReturn extends ReturnSummary {
  /** Who asked: a customer user (`customer`) or staff opening it for the account (`staff`). */
  openedBy: 'customer' | 'staff';
  requestedBy: { id: string; name: string } | null;
  /** Staff waived the restocking fee (with `feeWaivedReason`). */
  feeWaived: boolean;
  feeWaivedReason: string | null;
  rejectionReason: string | null;
  lines: ReturnLine[];
  photos: ReturnPhoto[];
  events: ReturnEvent[];
  creditNotes: { id: string; number: string; total: MoneyString; issuedAt: IsoInstant }[];
}

export interface ReturnRequestLine {
  orderLineId: string;
  quantity: number;
  reason: ReturnReason;
  note?: string;
  /** Staff opening a return may set the resolution at once (default `credit`). */
  resolution?: ReturnResolution;
}

/** `POST /api/returns`: customer users for their own delivered orders; staff (account manager, warehouse, admin) open one for an account, and it starts `approved`. */
export interface CreateReturnRequest {
  orderId: string;
  lines: ReturnRequestLine[];
  /** Staff only: waive the restocking fee (a reason is required). */
  waiveFee?: boolean;
  reason?: string;
}

export interface ApproveReturnRequest {
  lines?: { returnLineId: string; resolution: ReturnResolution }[];
  waiveFee?: boolean;
  /** Required when `waiveFee` is true. */
  reason?: string;
}

export interface RejectReturnRequest {
  reason: string;
}

export interface ReceiveReturnRequest {
  lines: { returnLineId: string; quantity: number; condition: ReturnCondition }[];
}

export interface CloseReturnRequest {
  reason: string;
}

/** `POST /api/returns/:id/receive`: the return after the receipt, the credit note it issued (if any credit units came in) and the replacement order (if any replace units did). */
export interface ReturnReceiptResult {
  return: ProductReturn;
  creditNote: { id: string; number: string; total: MoneyString } | null;
  replacementOrder: { id: string; number: string } | null;
  /** Order lines whose backorders the restocked units filled. */
  backordersFilled: number;
}

/** `GET /api/orders/:id/returnable`: what of a delivered order may still come back, line by line. */
export interface ReturnableLine {
  orderLineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unitPrice: MoneyString;
  delivered: number;
  /** Units on returns not rejected. */
  alreadyReturned: number;
  /** delivered − alreadyReturned, or 0 outside the window. */
  returnable: number;
  /** The product's window in days (0 = not returnable). */
  windowDays: number;
  /** Last day a return may be asked (delivery date + window); null when nothing was delivered. */
  windowEndsOn: IsoDate | null;
  /** Why nothing is returnable: `not_delivered`, `not_returnable`, `window_closed`, `all_returned`; null when something is. */
  blockedBy: 'not_delivered' | 'not_returnable' | 'window_closed' | 'all_returned' | null;
}

export interface ReturnableOrder {
  orderId: string;
  orderNumber: string;
  currency: string;
  lines: ReturnableLine[];
  /** The restocking fee per reason, shown to the buyer before they ask. */
  fees: ReturnFees;
}

/** Restocking fee per reason, as a percentage string ("0" to "100"). */
export type ReturnFees = Record<ReturnReason, string>;

/** `GET /api/return-settings` (every signed-in user), `PUT` (admin). */
export interface ReturnSettings {
  fees: ReturnFees;
  defaultWindowDays: number;
}

export interface CreditNoteLine {
  returnLineId: string;
  orderLineId: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: MoneyString;
  /** quantity × unitPrice. */
  gross: MoneyString;
  feePercent: string;
  fee: MoneyString;
  /** gross − fee. */
  total: MoneyString;
}

export interface CreditNoteSummary {
  id: string;
  /** `CN-000001`. */
  number: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  returnId: string;
  returnNumber: string;
  orderId: string;
  orderNumber: string;
  issuedAt: IsoInstant;
  currency: string;
  total: MoneyString;
}

export interface CreditNote extends CreditNoteSummary {
  subtotal: MoneyString;
  fee: MoneyString;
  lines: CreditNoteLine[];
}

/** `GET /api/reports/returns?groupBy=product|reason|account`: returned units ÷ delivered units. */
export const RETURN_RATE_GROUPS = ['product', 'reason', 'account'] as const;
export type ReturnRateGroup = (typeof RETURN_RATE_GROUPS)[number];

export interface ReturnRateRow {
  key: string;
  label: string;
  /** Units delivered in the period (for `reason`, the period's total delivered units). */
  deliveredUnits: number;
  /** Units on returns (not rejected) asked in the period. */
  returnedUnits: number;
  /** returnedUnits ÷ deliveredUnits, as a decimal string with 4 places ("0.0250"); null when nothing was delivered. */
  returnRate: string | null;
  /** Products whose rate is among the highest (top decile with at least 5 returned units). */
  flagged: boolean;
}

/** The filters of every report (period, account, account manager, channel, category) and the grouping. */
export interface ReturnRateQuery extends ReportFilter {
  groupBy?: ReturnRateGroup;
}

export interface ReturnRateReport extends ReportFreshness {
  /** The period settled (defaults filled in), as the other reports answer it. */
  from: IsoDate;
  to: IsoDate;
  groupBy: ReturnRateGroup;
  rows: ReturnRateRow[];
  totals: { deliveredUnits: number; returnedUnits: number; returnRate: string | null };
}

/** `GET /api/settings/company` (every signed-in user), `PUT` (admin): the letterhead of every document. */
export interface CompanySettings {
  name: string;
  /** Lines of the postal address, one per line. */
  address: string[];
  email: string | null;
  phone: string | null;
  /** Tax or company registration number printed under the address. */
  registration: string | null;
  /** A logo was uploaded (`PUT /api/settings/company/logo`, PNG or JPEG ≤ 1 MB; `GET` it back). */
  hasLogo: boolean;
  /** Changes with every edit; documents are cached by it. */
  version: number;
}

/** `PUT /api/settings/company`: the whole letterhead; the logo has its own routes (`PUT`/`DELETE /api/settings/company/logo`). */
export type UpdateCompanySettingsRequest = Omit<CompanySettings, 'hasLogo' | 'version'>;
