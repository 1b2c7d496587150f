import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { normaliseMoney, parseMoney } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import { validateAs } from '../common/http/validate-as';
import { bodyOf, CellSpec, exportCell, sameRecord } from '../imports/import-cells';
import {
  ExportRecord,
  ImportContext,
  ImportHandler,
  ImportKindHandler,
  ImportRow,
  RowPlan,
} from '../imports/import-kind';
import { SetProductSupplyDto } from './dto/product-supply.dto';
import { MAX_UNIT_COST_CENTS } from './purchase-orders.service';
import { SupplyFields, SupplyImportRepository } from './supply-import.repository';

/** An empty days cell means the domain's default (stored as null), as when the API body leaves it out. */
const FIELDS: Record<keyof SupplyFields, CellSpec> = {
  supplierCode: { type: 'text' },
  supplierSku: { type: 'text' },
  unitCost: { type: 'money' },
  packSize: { type: 'int' },
  safetyDays: { type: 'int', emptyMeansDefault: true },
  reviewDays: { type: 'int', emptyMeansDefault: true },
};

const INFO: ImportKindInfo = {
  kind: 'product-supply',
  label: 'Product supply (supplier, cost, pack)',
  keyDescription: 'sku',
  childSet: null,
  columns: [
    { name: 'sku', required: true, key: true, description: 'The product', example: 'GLV-NIT-M' },
    {
      name: 'supplierCode',
      required: true,
      key: false,
      description: "The primary supplier's code",
      example: 'ACME',
    },
    {
      name: 'supplierSku',
      required: true,
      key: false,
      description: "The supplier's own code for the product",
      example: 'AC-1042',
    },
    { name: 'unitCost', required: true, key: false, description: 'What one unit costs', example: '12.50' },
    {
      name: 'packSize',
      required: true,
      key: false,
      description: 'Units per supplier pack (orders are rounded up to whole packs)',
      example: '12',
    },
    {
      name: 'safetyDays',
      required: false,
      key: false,
      description: 'Days of demand kept as safety stock; empty for the default (5)',
      example: '5',
    },
    {
      name: 'reviewDays',
      required: false,
      key: false,
      description: 'Days between reviews of the product; empty for the default (10)',
      example: '10',
    },
  ],
};

const PAGE = 500;

/**
 * `product-supply`: a row is `PUT /api/products/:id/supply` for the product
 * with that SKU, checked by the same DTO and rules (a known product and
 * supplier, a unit cost within range). PUT replaces the facts, so the
 * columns a file lacks are filled from the product's current facts first.
 */
@Injectable()
@ImportHandler()
export class ProductSupplyImport implements ImportKindHandler {
  readonly info = INFO;

  constructor(
    private readonly repository: SupplyImportRepository,
    private readonly audit: AuditService,
  ) {}

  async plan(rows: ImportRow[], { manager }: ImportContext): Promise<RowPlan[]> {
    const skuOf = (row: ImportRow) => (row.values['sku'] ?? '').trim();
    const products = new Map(
      (await this.repository.productsBySku(manager, rows.map(skuOf))).map((p) => [p.sku, p]),
    );
    // Cell by cell: the file's cells (even empty ones) over the product's current facts.
    const cellsOf = (row: ImportRow) => {
      const supply = products.get(skuOf(row))?.supply;
      return { ...(supply ? toRecord(skuOf(row), supply) : {}), ...row.values };
    };
    const supplierCodes = rows.map((row) => (cellsOf(row)['supplierCode'] ?? '').trim());
    const suppliers = new Set(
      (await this.repository.suppliersByCode(manager, supplierCodes)).map((s) => s.code),
    );
    return Promise.all(
      rows.map(async (row) => {
        const sku = skuOf(row);
        const product = products.get(sku);
        const cells = cellsOf(row);
        const checked = await validateAs(SetProductSupplyDto, bodyOf(cells, FIELDS));
        if (!checked.value) return errorPlan(row, sku, checked.errors);
        const body = checked.value;
        const errors: FieldError[] = [];
        // The API's order of checks: cost range, then the product (404), then the supplier.
        if (parseMoney(body.unitCost) > MAX_UNIT_COST_CENTS) {
          errors.push({ field: 'unitCost', message: 'must be at most 9999999999.99' });
        } else if (!product) {
          errors.push({ field: 'sku', message: 'is not a known product' });
        } else if (!suppliers.has(body.supplierCode)) {
          errors.push({ field: 'supplierCode', message: 'is not a known supplier' });
        }
        if (errors.length > 0 || !product) return errorPlan(row, sku, errors);
        const before = product.supply ? toRecord(sku, product.supply) : null;
        const after = toRecord(sku, {
          supplierCode: body.supplierCode,
          supplierSku: body.supplierSku,
          unitCost: normaliseMoney(body.unitCost),
          packSize: body.packSize,
          safetyDays: body.safetyDays ?? null,
          reviewDays: body.reviewDays ?? null,
        });
        return {
          row: row.row,
          key: sku,
          action: !before ? 'create' : sameRecord(before, after) ? 'unchanged' : 'update',
          errors: [],
          before,
          after,
        } satisfies RowPlan;
      }),
    );
  }

  async apply(plans: RowPlan[], { manager, actor, importId }: ImportContext): Promise<void> {
    const changed = plans.filter(
      (plan) => (plan.action === 'create' || plan.action === 'update') && plan.after,
    );
    if (changed.length === 0) return;
    const products = new Map(
      (
        await this.repository.productsBySku(
          manager,
          changed.map((plan) => plan.key),
        )
      ).map((p) => [p.sku, p]),
    );
    const rows = changed.flatMap((plan) => {
      const product = products.get(plan.key);
      return product ? [{ product, fields: fromRecord(plan.after as ExportRecord) }] : [];
    });
    await this.repository.upsertSupply(
      manager,
      rows.map(({ product, fields }) => ({ productId: product.productId, ...fields })),
    );
    await this.audit.recordMany(
      manager,
      rows.map(({ product, fields }) => ({
        actorId: actor.id,
        entity: 'product_supply',
        entityId: product.productId,
        accountId: null,
        action: product.supply ? 'update' : 'create',
        before: product.supply ? { ...product.supply } : null,
        after: { ...fields },
        changeSetId: importId,
      })),
    );
  }

  async *exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    let after: string | null = null;
    for (;;) {
      const page = await this.repository.supplyPage(manager, after, PAGE);
      for (const product of page) if (product.supply) yield toRecord(product.sku, product.supply);
      if (page.length < PAGE) return;
      after = page[page.length - 1].sku;
    }
  }
}

function toRecord(sku: string, supply: SupplyFields): ExportRecord {
  return {
    sku,
    supplierCode: supply.supplierCode,
    supplierSku: supply.supplierSku,
    unitCost: supply.unitCost,
    packSize: exportCell(supply.packSize),
    safetyDays: exportCell(supply.safetyDays),
    reviewDays: exportCell(supply.reviewDays),
  };
}

function fromRecord(record: ExportRecord): SupplyFields {
  const days = (cell: string) => (cell === '' ? null : Number(cell));
  return {
    supplierCode: record['supplierCode'],
    supplierSku: record['supplierSku'],
    unitCost: record['unitCost'],
    packSize: Number(record['packSize']),
    safetyDays: days(record['safetyDays']),
    reviewDays: days(record['reviewDays']),
  };
}

function errorPlan(row: ImportRow, key: string, errors: FieldError[]): RowPlan {
  return { row: row.row, key, action: 'error', errors, before: null, after: null };
}
