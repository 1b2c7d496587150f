import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportAction, ImportKind, ImportKindInfo } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';

/**
 * The seam between the import engine (apps/api/src/imports: files, dry runs,
 * jobs, commit, audit, exports) and the contexts that own the records. Each
 * context implements one ImportKindHandler per kind in its own folder
 * (catalog/product-import.ts, accounts/account-import.ts, …) and exports it
 * from its module; the engine knows nothing of products or accounts.
 *
 * The engine reads a file into rows of cells (only the columns the file has;
 * '' is an empty cell), rejects unknown columns, and hands the handler rows
 * in chunks (never splitting a parent's rows when the kind has a child set).
 * The handler checks each row with the same DTO and rules as the API route
 * (validateAs, and the same service-level checks), and says what committing
 * it would do. Committing plans again in the transaction and applies.
 */

/** A data row of the file: its row number (2 = first under the header) and its cells. */
export interface ImportRow {
  row: number;
  /** Only the columns present in the file: a missing column leaves its field unchanged. */
  values: Record<string, string>;
}

/** A record in export columns: what `before`/`after` hold and what an export writes. */
export type ExportRecord = Record<string, string>;

/** What one row would do. `after` is also what `apply` writes. */
export interface RowPlan {
  row: number;
  /** The natural key as the file wrote it (normalised, e.g. upper-cased SKU). */
  key: string;
  action: ImportAction;
  /** Field names are the file's column names; empty unless action = 'error'. */
  errors: FieldError[];
  /** The record now (null for a create), in export columns. */
  before: ExportRecord | null;
  /** The record after the commit (null for an error), in export columns. */
  after: ExportRecord | null;
}

export interface ImportContext {
  /** The transaction while committing; a plain manager during a dry run. */
  manager: EntityManager;
  actor: AuthUser;
  /** The import run: audit entries and events of a commit carry it as their change set. */
  importId: string;
  /**
   * Scratch space for one pass over the file (a dry run, or a commit), shared
   * by its chunks and dropped after it: what earlier rows claimed (a barcode,
   * a code) so a later chunk can refuse the same. Empty at the first chunk.
   */
  state?: Map<string, unknown>;
}

export interface ImportKindHandler {
  readonly info: ImportKindInfo;
  /**
   * The parent key of a row, when the kind has a child set (an account's
   * address rows, a tier's break rows): rows with the same parent key are
   * given to `plan` together, and must be consecutive in the file.
   */
  parentKey?(values: Record<string, string>): string;
  /**
   * Plans a chunk of rows (up to ~1,000; set-based lookups, never a query per
   * row). A row is `error` exactly when the API call with the same values
   * would be refused. Must not write.
   */
  plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]>;
  /**
   * Writes the chunk's create and update plans (as planned in this same
   * transaction), set-based, with an audit entry per record whose
   * changeSetId is the import's id, and any events the API route would raise.
   */
  apply(plans: RowPlan[], context: ImportContext): Promise<void>;
  /** Every record in export columns, in key order, streamed in pages (never all in memory). */
  exportRecords(manager: EntityManager): AsyncIterable<ExportRecord>;
}

export const IMPORT_HANDLER = 'tc:import-handler';

/**
 * Marks a provider as an import kind's handler. The imports module finds every
 * marked provider of every module (Nest's DiscoveryService), so a context adds
 * a kind by providing and exporting its handler, with no central list to edit.
 */
export const ImportHandler = () => SetMetadata(IMPORT_HANDLER, true);

export type ImportKindRegistry = ReadonlyMap<ImportKind, ImportKindHandler>;
