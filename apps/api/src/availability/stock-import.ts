import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { normalizeBin } from '@tradecounter/domain';
import { dropNowAndAfterCommit } from '../database/after-commit';
import { AuditService } from '../audit/audit.service';
import { conflict } from '../common/http/problem';
import {
  ImportHandler,
  type ExportRecord,
  type ImportContext,
  type ImportKindHandler,
  type ImportRow,
  type RowPlan,
} from '../imports/import-kind';
import {
  cellOf,
  chunkValidator,
  inTransaction,
  notWhole,
  normaliseSku,
  pagedRecords,
  planOf,
  productIdsBySku,
  required,
  wholeNumber,
} from '../imports/row-cells';
import { CatalogSupplyCache } from './catalog-supply.cache';
import { SetStockDto } from './dto/stock.dto';
import { WAREHOUSE_CODE } from './dto/warehouse.dto';
import { stockEntityId } from './stock.service';

interface StockNow {
  productId: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  bin: string | null;
}

/**
 * Stock levels with bins, as `PUT /api/stock/:productId/:warehouseCode`
 * sets them: on hand (never below what is reserved) and/or the bin, per SKU
 * and warehouse, audited as `stock` entries, the catalog's supply cache told.
 */
@ImportHandler()
@Injectable()
export class StockImport implements ImportKindHandler {
  readonly info: ImportKindInfo = {
    kind: 'stock',
    label: 'Stock levels',
    keyDescription: 'sku + warehouseCode',
    childSet: null,
    columns: [
      { name: 'sku', required: true, key: true, description: 'The product', example: 'GLV-NIT-M' },
      {
        name: 'warehouseCode',
        required: true,
        key: true,
        description: 'The warehouse',
        example: 'CHI',
      },
      {
        name: 'onHand',
        required: false,
        key: false,
        description: 'Units physically on hand (a count); never below the units reserved for orders',
        example: '120',
      },
      {
        name: 'bin',
        required: false,
        key: false,
        description: 'Where pickers find it, e.g. A-01-03 (upper-cased); empty clears it',
        example: 'A-01-03',
      },
    ],
  };

  constructor(
    private readonly audit: AuditService,
    private readonly catalogSupply: CatalogSupplyCache,
  ) {}

  async plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]> {
    const check = chunkValidator(SetStockDto);
    const { manager } = context;
    const keys = rows.map((row) => ({
      sku: normaliseSku(cellOf(row, 'sku')),
      warehouseCode: (cellOf(row, 'warehouseCode') ?? '').trim().toUpperCase(),
    }));
    const productIds = await productIdsBySku(
      manager,
      keys.map((key) => key.sku),
    );
    const warehouses = await this.knownWarehouses(
      manager,
      keys.map((key) => key.warehouseCode),
    );
    const levels = await this.levels(
      manager,
      keys.flatMap((key) => {
        const productId = productIds.get(key.sku);
        return productId && warehouses.has(key.warehouseCode)
          ? [{ productId, warehouseCode: key.warehouseCode }]
          : [];
      }),
    );
    const plans: RowPlan[] = [];
    for (const [index, row] of rows.entries()) {
      const { sku, warehouseCode } = keys[index] ?? { sku: '', warehouseCode: '' };
      const key = `${sku}/${warehouseCode}`;
      const errors: FieldError[] = [];
      const productId = productIds.get(sku);
      if (sku === '') errors.push(required('sku'));
      else if (!productId) errors.push({ field: 'sku', message: 'is not a known product' });
      if (warehouseCode === '') errors.push(required('warehouseCode'));
      else if (!WAREHOUSE_CODE.test(warehouseCode) || !warehouses.has(warehouseCode))
        errors.push({ field: 'warehouseCode', message: 'is not a known warehouse' });

      const body: Record<string, unknown> = {};
      const onHandCell = cellOf(row, 'onHand');
      const binCell = cellOf(row, 'bin');
      // A count cannot be cleared (the API refuses null); an empty cell is an error, not a zero.
      if (onHandCell === '') errors.push({ field: 'onHand', message: 'must not be empty' });
      else if (onHandCell !== undefined) {
        const onHand = wholeNumber(onHandCell);
        if (onHand === undefined) errors.push(notWhole('onHand'));
        else body['onHand'] = onHand;
      }
      if (binCell !== undefined) body['bin'] = binCell;
      const checked = await check(body);
      errors.push(...checked.errors);
      if (onHandCell === undefined && binCell === undefined)
        errors.push({ field: 'onHand', message: 'or bin must be given' });
      let bin: string | null | undefined;
      if (checked.value && checked.value.bin !== undefined) {
        const normal = normalizeBin(checked.value.bin);
        if ('error' in normal) errors.push({ field: 'bin', message: normal.error });
        else bin = normal.bin;
      }
      const now = productId ? levels.get(stockKey(productId, warehouseCode)) : undefined;
      const onHand = checked.value?.onHand;
      if (onHand !== undefined && now && onHand < now.reserved) {
        errors.push({ field: 'onHand', message: `must be at least the reserved quantity (${now.reserved})` });
      }
      const before = now ? exportOf(sku, now) : null;
      const after: ExportRecord = {
        sku,
        warehouseCode,
        onHand: String(onHand ?? now?.onHand ?? 0),
        bin: (bin === undefined ? now?.bin : bin) ?? '',
      };
      plans.push(planOf(row.row, key, errors, before, after));
    }
    return plans;
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const writes = plans.filter((plan) => plan.action === 'create' || plan.action === 'update');
    if (writes.length === 0) return;
    const { manager } = context;
    const productIds = await productIdsBySku(
      manager,
      writes.map((plan) => plan.after?.['sku'] ?? ''),
    );
    const rows = writes.map((plan) => {
      const after = plan.after ?? {};
      const productId = productIds.get(after['sku'] ?? '');
      if (!productId) throw new Error(`No product ${after['sku']} for row ${plan.row}`);
      return {
        plan,
        productId,
        warehouseCode: after['warehouseCode'] ?? '',
        onHand: Number(after['onHand']),
        bin: after['bin'] === '' || after['bin'] === undefined ? null : after['bin'],
      };
    });
    // The guard is in the statement, as in the API's own write: a row whose reserved grew past the count is not written.
    const written = (await manager.query(
      `INSERT INTO stock AS s (product_id, warehouse_code, on_hand, reserved, bin_location)
       SELECT u.product_id, u.warehouse_code, u.on_hand, 0, u.bin
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[]) AS u(product_id, warehouse_code, on_hand, bin)
       ON CONFLICT (product_id, warehouse_code)
       DO UPDATE SET on_hand = EXCLUDED.on_hand, bin_location = EXCLUDED.bin_location, updated_at = now()
        WHERE s.reserved <= EXCLUDED.on_hand
       RETURNING s.product_id AS "productId", s.warehouse_code AS "warehouseCode", s.reserved`,
      [
        rows.map((row) => row.productId),
        rows.map((row) => row.warehouseCode),
        rows.map((row) => row.onHand),
        rows.map((row) => row.bin),
      ],
    )) as { productId: string; warehouseCode: string; reserved: number }[];
    const reserved = new Map(
      written.map((row) => [stockKey(row.productId, row.warehouseCode), row.reserved]),
    );
    const refused = rows.find((row) => !reserved.has(stockKey(row.productId, row.warehouseCode)));
    if (refused) {
      throw conflict(
        `Row ${refused.plan.row}: on hand cannot be ${refused.onHand}, more units are reserved for orders`,
        [{ field: 'onHand', message: 'must be at least the reserved quantity' }],
      );
    }
    await this.audit.recordMany(
      manager,
      rows.map((row) => {
        const units = reserved.get(stockKey(row.productId, row.warehouseCode)) ?? 0;
        const before = row.plan.before;
        return {
          actorId: context.actor.id,
          entity: 'stock',
          entityId: stockEntityId(row.productId, row.warehouseCode),
          accountId: null,
          action: before ? 'update' : 'create',
          before: before
            ? { onHand: Number(before['onHand']), reserved: units, bin: before['bin'] || null }
            : null,
          after: {
            productId: row.productId,
            warehouseCode: row.warehouseCode,
            onHand: row.onHand,
            reserved: units,
            bin: row.bin,
          },
          changeSetId: context.importId,
        };
      }),
    );
    const byWarehouse = new Map<string, string[]>();
    for (const row of rows)
      byWarehouse.set(row.warehouseCode, [...(byWarehouse.get(row.warehouseCode) ?? []), row.productId]);
    // As the API does for a count: the catalog's next read after the commit shows it.
    for (const [warehouseCode, ids] of byWarehouse) {
      dropNowAndAfterCommit(manager, () => this.catalogSupply.changed(warehouseCode, ids));
    }
  }

  exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    return pagedRecords<ExportRecord>(async (last, limit) => {
      const rows = (await manager.query(
        `SELECT p.sku, s.warehouse_code AS "warehouseCode", s.on_hand AS "onHand", s.bin_location AS bin
           FROM stock s JOIN products p ON p.id = s.product_id
          WHERE ($1::text IS NULL OR (p.sku, s.warehouse_code) > ($1, $2))
          ORDER BY p.sku, s.warehouse_code LIMIT $3`,
        [last?.['sku'] ?? null, last?.['warehouseCode'] ?? null, limit],
      )) as { sku: string; warehouseCode: string; onHand: number; bin: string | null }[];
      return rows.map((row) => ({
        sku: row.sku,
        warehouseCode: row.warehouseCode,
        onHand: String(row.onHand),
        bin: row.bin ?? '',
      }));
    });
  }

  private async knownWarehouses(manager: EntityManager, codes: string[]): Promise<Set<string>> {
    const wanted = [...new Set(codes)].filter((code) => code !== '');
    if (wanted.length === 0) return new Set();
    const rows = (await manager.query('SELECT code FROM warehouses WHERE code = ANY($1::text[])', [
      wanted,
    ])) as {
      code: string;
    }[];
    return new Set(rows.map((row) => row.code));
  }

  /** The stock rows there are, locked while committing so the plan's "before" holds until the write. */
  private async levels(
    manager: EntityManager,
    keys: { productId: string; warehouseCode: string }[],
  ): Promise<Map<string, StockNow>> {
    if (keys.length === 0) return new Map();
    const rows = (await manager.query(
      // One index probe per key (LATERAL): a join with a thousand keys may hash the whole stock table.
      `SELECT s.product_id AS "productId", s.warehouse_code AS "warehouseCode", s.on_hand AS "onHand",
              s.reserved, s.bin_location AS bin
         FROM (SELECT * FROM unnest($1::uuid[], $2::text[]) AS u(product_id, warehouse_code) ORDER BY 1, 2) k
        CROSS JOIN LATERAL (
              SELECT * FROM stock WHERE product_id = k.product_id AND warehouse_code = k.warehouse_code
              ${inTransaction(manager) ? 'FOR UPDATE' : ''}) s`,
      [keys.map((key) => key.productId), keys.map((key) => key.warehouseCode)],
    )) as StockNow[];
    return new Map(rows.map((row) => [stockKey(row.productId, row.warehouseCode), row]));
  }
}

const stockKey = (productId: string, warehouseCode: string) => `${productId}@${warehouseCode}`;

function exportOf(sku: string, now: StockNow): ExportRecord {
  return { sku, warehouseCode: now.warehouseCode, onHand: String(now.onHand), bin: now.bin ?? '' };
}
