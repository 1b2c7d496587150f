import type { FieldError, IsoInstant } from './common';

/**
 * What a file can load, and every one of them is also an export in the same
 * columns. `tier-prices` (a tier's fixed prices per SKU) and
 * `product-supply` (a product's supplier, cost and pack) extend api.md's list.
 */
export type ImportKind =
  | 'products'
  | 'stock'
  | 'accounts'
  | 'account-users'
  | 'price-tiers'
  | 'tier-prices'
  | 'contract-prices'
  | 'suppliers'
  | 'product-supply';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'products',
  'stock',
  'accounts',
  'account-users',
  'price-tiers',
  'tier-prices',
  'contract-prices',
  'suppliers',
  'product-supply',
];

/** The file formats an import reads and an export writes; `json` is an ERP sync through the API. */
export type ImportFormat = 'csv' | 'xlsx' | 'json';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a row does when committed; `error` rows stop the whole commit. */
export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

/**
 * One column of a kind's file. Headers are the API's field names
 * (`listPrice`, `minOrderQty`), so a row is the JSON body of the matching
 * API call; child-set columns are prefixed (`address.line1`).
 */
export interface ImportColumn {
  name: string;
  /** Needed to create a record: a missing column or an empty cell is then an error. */
  required: boolean;
  /** Part of the row's natural key (never changed by an import). */
  key: boolean;
  description: string;
  example: string;
}

/** A kind's file: its columns (in template order) and what its key is. */
export interface ImportKindInfo {
  kind: ImportKind;
  label: string;
  /** E.g. "sku", "accountCode + sku". */
  keyDescription: string;
  /** Several rows of one parent (an account's addresses, a tier's breaks) replace its child set. */
  childSet: string | null;
  columns: ImportColumn[];
}

/** The result of one data row (row 2 is the first under the header). */
export interface ImportRowResult {
  row: number;
  /** The natural key as written, e.g. "GLV-NIT-M" or "ACME/GLV-NIT-M". */
  key: string;
  action: ImportAction;
  errors: FieldError[];
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

/**
 * An import's life: `validating` (the dry run reads the file) → `validated`
 * → `committing` → `committed`; or `failed` (the file could not be read, or
 * a commit found errors), or `cancelled` (before its commit ended; nothing
 * written).
 */
export type ImportStatus = 'validating' | 'validated' | 'committing' | 'committed' | 'failed' | 'cancelled';

export interface ImportProgress {
  /** Rows read and checked (or written, while committing). */
  done: number;
  /** Rows in the file; null while it is still being read. */
  total: number | null;
}

/** An import run (a dry run and, if committed, its change set). */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  format: ImportFormat;
  status: ImportStatus;
  progress: ImportProgress;
  counts: ImportCounts;
  /** Why it failed, when it did (e.g. "Unknown column: colour"). */
  failure: string | null;
  createdAt: IsoInstant;
  createdBy: { id: string; name: string };
  committedAt: IsoInstant | null;
}

/**
 * `POST /api/imports/:kind?dryRun=true` answers 200 with the result when the
 * file is checked within a couple of seconds, else 202 with the job (its
 * `rows` empty) to poll with `GET /api/imports/:id`. Errors come first in
 * `rows`, then the rest in file order; `GET /api/imports/:id/rows` pages them.
 */
export interface ImportResult extends ImportJob {
  rows: ImportRowResult[];
}

/** `GET /api/imports/:id/rows?action=&page=`: one row's full story for the dry-run table and the audit. */
export interface ImportRowDetail extends ImportRowResult {
  /** The cells as the file had them. */
  values: Record<string, string>;
  /** The record before and after (in export columns); null before a create. */
  before: Record<string, string> | null;
  after: Record<string, string> | null;
}

/**
 * ERP sync: `PUT /api/sync/:kind` with rows in the file's columns, as JSON
 * strings (`{"sku": "GLV-NIT-M", "listPrice": "12.00"}`), upserted by natural
 * key all or nothing like a committed file; any bad row makes it a 400 whose
 * errors name `rows[N].field`. `PUT /api/products/by-sku/:sku` upserts one
 * product from the same columns. An admin's integration key may call both.
 */
export interface SyncRequest {
  rows: Record<string, string>[];
}

export interface SyncResult {
  importId: string;
  counts: ImportCounts;
  rows: ImportRowResult[];
}
