import type { IsoDate, IsoInstant, LineReference, MoneyString } from './common';

/** Where a unit price came from; `quote` only on order lines accepted from a sales quote. */
/** `replacement`: a 0.00 line of an order placed to replace returned goods. */
export type PriceSource = 'contract' | 'tier_fixed' | 'tier_discount' | 'list' | 'quote' | 'replacement';

/** A percentage from "0" to "100" with at most two decimals, e.g. "12.5". */
export type PercentString = string;

export interface PriceTierSummary {
  id: string;
  name: string;
  discountPercent: PercentString;
  version: number;
  accountCount: number;
  breakCount: number;
  fixedPriceCount: number;
  updatedAt: IsoInstant;
}

export interface VolumeBreakInput {
  /** null: the break applies tier-wide. */
  productId: string | null;
  minQty: number;
  discountPercent: PercentString;
}

export interface VolumeBreak extends VolumeBreakInput {
  sku: string | null;
  productName: string | null;
}

export interface FixedPrice {
  productId: string;
  sku: string;
  productName: string;
  listPrice: MoneyString;
  unitPrice: MoneyString;
}

export interface PriceTier extends PriceTierSummary {
  breaks: VolumeBreak[];
  fixedPrices: FixedPrice[];
}

export interface CreatePriceTierRequest {
  name: string;
  discountPercent: PercentString;
}

export type UpdatePriceTierRequest = Partial<CreatePriceTierRequest>;

export interface SetFixedPriceRequest {
  unitPrice: MoneyString;
}

export interface ContractPrice {
  id: string;
  accountId: string;
  productId: string;
  sku: string;
  productName: string;
  listPrice: MoneyString;
  unitPrice: MoneyString;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface SetContractPriceRequest {
  unitPrice: MoneyString;
  validFrom: IsoDate;
  validTo?: IsoDate | null;
}

export type QuoteLineRequest = LineReference;

export interface QuoteRequest {
  accountId?: string;
  date?: IsoDate;
  lines: QuoteLineRequest[];
}

export interface AppliedBreak {
  minQty: number;
  discountPercent: PercentString;
}

export interface NextBreak {
  minQty: number;
  unitPrice: MoneyString;
  /** Units still to add to reach it: "order 8 more for 10.80 each". */
  moreQty: number;
}

export interface QuoteLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  listPrice: MoneyString;
  unitPrice: MoneyString;
  lineTotal: MoneyString;
  source: PriceSource;
  breakApplied: AppliedBreak | null;
  savings: MoneyString;
  nextBreak: NextBreak | null;
  /** The product's pack rules, so a client can flag a quantity that ordering would refuse. */
  minOrderQty: number;
  orderMultiple: number;
}

export interface Quote {
  currency: string;
  accountId: string | null;
  date: IsoDate;
  subtotal: MoneyString;
  savings: MoneyString;
  lines: QuoteLine[];
}

/** One row of a product's price table for an account: "50+ at 9.94". */
export interface PriceBreakRow {
  minQty: number;
  unitPrice: MoneyString;
  source: PriceSource;
}

/** One recent order line of the account, priced now under its present tier and under the proposed one. */
export interface TierChangeLine {
  orderNumber: string;
  orderedAt: IsoInstant;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  /** What the line was ordered at. */
  orderedUnitPrice: MoneyString;
  /** The unit price for this quantity today, on the account's present tier. */
  currentUnitPrice: MoneyString;
  /** The unit price for this quantity today, on the proposed tier. */
  newUnitPrice: MoneyString;
  /** newUnitPrice − currentUnitPrice (negative: cheaper). */
  change: MoneyString;
}

/** `GET /api/accounts/:id/tier-change-preview?priceTierId=`: the effect of moving an account to another tier. */
export interface TierChangePreview {
  accountId: string;
  currentTier: { id: string; name: string } | null;
  /** null: no tier (list prices, contract prices still apply). */
  newTier: { id: string; name: string } | null;
  /** Up to 5 of the account's most recent order lines, one per product, newest first. */
  lines: TierChangeLine[];
}
