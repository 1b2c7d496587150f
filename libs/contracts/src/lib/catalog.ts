import type { IsoInstant, MoneyString, SortQuery } from './common';
import type { InboundOutlook, ProductAvailability } from './availability';
import type { NextBreak, PriceBreakRow, PriceSource } from './pricing';

export interface CaseBarcode {
  code: string;
  qty: number;
}

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
  /** Days after delivery a return may be asked; null uses the default (30); 0 = not returnable. */
  returnWindowDays?: number | null;
  /**
   * The product's image (480 px square) and its thumbnail (96 px), or null
   * without one. The URLs carry the image's version, so they change when the
   * image does and browsers may keep them for good.
   */
  imageUrl: string | null;
  thumbnailUrl: string | null;
  /** Staff only: the unit's barcode (EAN/UPC) and case barcodes, each counting `qty` units at the check step. */
  barcode?: string | null;
  caseBarcodes?: CaseBarcode[];
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
  /** Only products with units available now at the account's (or the default) warehouse. */
  inStock?: boolean;
  /** Customer users: only products their account has ordered before. */
  boughtBefore?: boolean;
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
  /** The unit's barcode; null clears it. Unique across barcodes, case barcodes and SKUs (409). */
  barcode?: string | null;
  /** Replaces the product's case barcodes (qty 2 or more each). */
  caseBarcodes?: CaseBarcode[];
  /** Days after delivery a return may be asked (0 = not returnable); null uses the default. */
  returnWindowDays?: number | null;
}

export type UpdateProductRequest = Partial<CreateProductRequest>;

export interface Category {
  name: string;
  productCount: number;
}

/** What `GET /api/products` sorts by; without a sort: best search match, then SKU. */
export const PRODUCT_SORT_FIELDS = ['sku', 'name', 'category', 'listPrice'] as const;
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number];

/** A product's image as stored (PUT /api/products/:id/image answers with it). */
export interface ProductImage {
  productId: string;
  /** Changes whenever the image does (a hash of the uploaded bytes). */
  version: string;
  imageUrl: string;
  thumbnailUrl: string;
  /** Of the upload: image/jpeg, image/png or image/webp. */
  contentType: string;
  /** Of the upload, in pixels. */
  width: number;
  height: number;
  byteSize: number;
  updatedAt: IsoInstant;
}
