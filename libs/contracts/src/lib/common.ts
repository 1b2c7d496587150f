/** A page of a list endpoint: `?page=1&pageSize=25` (pageSize at most 100). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/**
 * Sorting a list endpoint: `?sort=placedAt&dir=desc`. Each route names the
 * fields it sorts by (an unknown one is a 400); ties break on id, in the same
 * direction, so paging is stable.
 */
export type SortDirection = 'asc' | 'desc';
export const SORT_DIRECTIONS: readonly SortDirection[] = ['asc', 'desc'];

export interface SortQuery<F extends string = string> {
  sort?: F;
  dir?: SortDirection;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** RFC 9457 problem details, as every error of the API is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A requested line: a product by id or by SKU (exactly one), and a quantity.
 * Orders, quotes and promises take it whole; channel orders name products by
 * SKU only, templates by id only. A bad line is named `lines[N]`,
 * `lines[N].productId`, `lines[N].sku` or `lines[N].quantity`.
 */
export interface LineReference {
  productId?: string;
  sku?: string;
  quantity: number;
}

/** Money travels as a decimal string with two decimals: "1234.50". */
export type MoneyString = string;

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** An instant as ISO 8601 UTC. */
export type IsoInstant = string;

export interface Health {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}
