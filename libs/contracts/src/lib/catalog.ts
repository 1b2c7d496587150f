import type { MoneyString } from './common';

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
}

export interface ProductQuery {
  search?: string;
  category?: string;
  /** Admins may list inactive products too. */
  includeInactive?: boolean;
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
