import type { MoneyString, SortQuery } from './common';
import type { InboundOutlook, ProductAvailability } from './availability';
import type { NextBreak, PriceBreakRow, PriceSource } from './pricing';

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string;
  unit: string;
  listPrice: MoneyString;
  minOrderQty: number;
  orderMultiple: number;
  leadTimeDays: number;
  backorderable: boolean;
  active: boolean;
  /** For a customer user, or with ?accountId: the account's unit price at minOrderQty. */
  unitPrice?: MoneyString;
  priceSource?: PriceSource;
  /** (list − unit) per unit at minOrderQty. */
  savingsPerUnit?: MoneyString;
  nextBreak?: NextBreak | null;
  /** Units available now at the account's (or the default) warehouse. */
  available?: number;
  availability?: ProductAvailability;
}

/** A product with its price table for the account (GET /api/products/:id). */
export interface ProductDetail extends Product {
  priceBreaks?: PriceBreakRow[];
  /** Inbound supply not yet promised, in expected-date order. */
  inbound?: InboundOutlook[];
}

export interface ProductQuery extends SortQuery<ProductSortField> {
  /** Staff: price the page for this account. Customer users always see their own. */
  accountId?: string;
  search?: string;
  category?: string;
  /** Admins may list inactive products too. */
  includeInactive?: boolean;
  /** false: items without availability (default true). */
  availability?: boolean;
  page?: number;
  pageSize?: number;
}

export interface CreateProductRequest {
  sku: string;
  name: string;
  description?: string | null;
  category: string;
  unit: string;
  listPrice: MoneyString;
  minOrderQty?: number;
  orderMultiple?: number;
  leadTimeDays?: number;
  backorderable?: boolean;
  active?: boolean;
}

export type UpdateProductRequest = Partial<CreateProductRequest>;

export interface Category {
  name: string;
  productCount: number;
}

/** What `GET /api/products` sorts by; without a sort: best search match, then SKU. */
export const PRODUCT_SORT_FIELDS = ['sku', 'name', 'category', 'listPrice'] as const;
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number];
