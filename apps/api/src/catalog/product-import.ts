import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportColumn, ImportKindInfo } from '@tradecounter/contracts';
import { normaliseMoney } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import { validateAs } from '../common/http/validate-as';
import {
  ImportHandler,
  type ExportRecord,
  type ImportContext,
  type ImportKindHandler,
  type ImportRow,
  type RowPlan,
} from '../imports/import-kind';
import { sameRecord } from '../imports/import-cells';
import { CreateProductDto, UpdateProductDto } from './dto/product.dto';

const column = (
  name: string,
  description: string,
  example: string,
  flags: { required?: boolean; key?: boolean } = {},
): ImportColumn => ({
  name,
  description,
  example,
  required: flags.required ?? false,
  key: flags.key ?? false,
});

const COLUMNS: ImportColumn[] = [
  column('sku', 'The product’s code: 2–40 capitals, digits, ".", "-" or "_"', 'GLV-NIT-M', {
    required: true,
    key: true,
  }),
  column('name', 'Up to 200 characters', 'Nitrile gloves, medium', { required: true }),
  column('description', 'Up to 2,000 characters; empty clears it', 'Powder-free, box of 100'),
  column('category', 'Up to 80 characters', 'Gloves', { required: true }),
  column('unit', 'What one unit is, up to 20 characters', 'box', { required: true }),
  column('listPrice', 'The list price per unit, at most 2 decimals, no currency sign', '12.00', {
    required: true,
  }),
  column('minOrderQty', 'A whole number of packs (orderMultiple); on create one pack when absent', '1'),
  column('orderMultiple', 'Sold in packs of this many; 1 when absent on create', '1'),
  column('leadTimeDays', 'Days to restock when out of stock (0–365); 10 when absent on create', '10'),
  column(
    'backorderable',
    'true/false (also yes/no, 1/0): may be ordered beyond stock; true when absent',
    'true',
  ),
  column('active', 'true/false: false retires the product (imports never delete); true when absent', 'true'),
  column(
    'returnWindowDays',
    'Days after delivery a return may be asked; 0 = not returnable; empty = the default',
    '',
  ),
  column('barcode', 'The unit’s barcode, unique among SKUs and barcodes; empty clears it', '0012345678905'),
  column(
    'caseBarcodes',
    'Replaces the case barcodes: CODE:UNITS separated by "|" (e.g. 10012345678902:12|20012345678909:48); empty clears them',
    '',
  ),
];

const INFO: ImportKindInfo = {
  kind: 'products',
  label: 'Products',
  keyDescription: 'sku',
  childSet: null,
  columns: COLUMNS,
};

const INTEGER_FIELDS = new Set(['minOrderQty', 'orderMultiple', 'leadTimeDays', 'returnWindowDays']);
const BOOLEAN_FIELDS = new Set(['backorderable', 'active']);
/** An empty cell clears these; on any other field it is an error. */
const NULLABLE_FIELDS = new Set(['description', 'returnWindowDays', 'barcode']);
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** A product as the database has it, in export columns, with its id. */
interface CurrentProduct {
  id: string;
  record: ExportRecord;
}

interface CodeOwner {
  code: string;
  productId: string;
  sku: string;
}

/** Per pass (dry run or commit): codes earlier rows end up with, so later rows cannot take them too. */
interface CodeClaims {
  claimedBy: Map<string, { sku: string; row: number }>;
  finalCodes: Map<string, Set<string>>;
}

const RECORD_SELECT = `
  SELECT p.id, p.sku, p.name, p.description, p.category, p.unit, p.list_price::text AS "listPrice",
         p.min_order_qty AS "minOrderQty", p.order_multiple AS "orderMultiple",
         p.lead_time_days AS "leadTimeDays", p.backorderable, p.active,
         p.return_window_days AS "returnWindowDays", p.barcode,
         COALESCE((SELECT string_agg(c.code || ':' || c.qty, '|' ORDER BY c.qty, c.code)
                     FROM product_case_barcodes c WHERE c.product_id = p.id), '') AS "caseBarcodes"
    FROM products p`;

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string;
  unit: string;
  listPrice: string;
  minOrderQty: number;
  orderMultiple: number;
  leadTimeDays: number;
  backorderable: boolean;
  active: boolean;
  returnWindowDays: number | null;
  barcode: string | null;
  caseBarcodes: string;
}

/**
 * The `products` import kind: a row is the body of POST /api/products (new
 * SKU) or PATCH /api/products/:id (known SKU), checked by the same DTOs and
 * the same rules (pack sizes; SKUs, barcodes and case barcodes unique
 * across products), set-based per chunk.
 */
@Injectable()
@ImportHandler()
export class ProductImportHandler implements ImportKindHandler {
  readonly info = INFO;

  constructor(private readonly audit: AuditService) {}

  async plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]> {
    const { manager } = context;
    const skus = rows.map((row) => row.values['sku'] ?? '');
    const current = await this.current(manager, skus);
    // One row after another: class-validator runs faster without a thousand validations interleaved.
    const drafts: Draft[] = [];
    for (const row of rows) drafts.push(await draft(row, current.get(row.values['sku'] ?? '')));
    const wanted = new Set(drafts.flatMap((item) => (item.after ? [...codesOf(item.after)] : [])));
    const owners = await codeOwners(manager, [...wanted]);
    const claims = claimsOf(context);
    return drafts.map((item) => checkCodes(item, owners, claims));
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const { manager } = context;
    const creates = plans.filter((plan) => plan.action === 'create' && plan.after);
    const updates = plans.filter((plan) => plan.action === 'update' && plan.after && plan.before);
    const casesChanged = updates.filter(
      (plan) => plan.before?.['caseBarcodes'] !== plan.after?.['caseBarcodes'],
    );
    if (casesChanged.length > 0) {
      await manager.query(
        `DELETE FROM product_case_barcodes c USING products p, unnest($1::text[]) w(sku)
          WHERE c.product_id = p.id AND p.sku = w.sku`,
        [casesChanged.map((plan) => plan.key)],
      );
    }
    const ids = new Map<string, string>();
    if (updates.length > 0) {
      const updated = (await manager.query(
        `UPDATE products p SET name = u.name, description = u.description, category = u.category, unit = u.unit,
                list_price = u.list_price, min_order_qty = u.min_order_qty, order_multiple = u.order_multiple,
                lead_time_days = u.lead_time_days, backorderable = u.backorderable, active = u.active,
                return_window_days = u.return_window_days, barcode = u.barcode, updated_at = now()
           FROM (${UNNEST_PRODUCTS}) u
          WHERE p.sku = u.sku
      RETURNING p.id, p.sku`,
        productColumns(updates),
      )) as [{ id: string; sku: string }[], number];
      for (const row of updated[0]) ids.set(row.sku, row.id);
    }
    if (creates.length > 0) {
      const created = (await manager.query(
        `INSERT INTO products (sku, name, description, category, unit, list_price, min_order_qty, order_multiple,
                               lead_time_days, backorderable, active, return_window_days, barcode)
         ${UNNEST_PRODUCTS}
         RETURNING id, sku`,
        productColumns(creates),
      )) as { id: string; sku: string }[];
      for (const row of created) ids.set(row.sku, row.id);
    }
    const cases = [...casesChanged, ...creates].flatMap((plan) =>
      parseCases(plan.after?.['caseBarcodes'] ?? '').map((item) => ({
        ...item,
        productId: ids.get(plan.key),
      })),
    );
    if (cases.length > 0) {
      await manager.query(
        `INSERT INTO product_case_barcodes (code, product_id, qty)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[])`,
        [cases.map((item) => item.code), cases.map((item) => item.productId), cases.map((item) => item.qty)],
      );
    }
    await this.audit.recordMany(
      manager,
      [...updates, ...creates].map((plan) => ({
        actorId: context.actor.id,
        entity: 'product',
        entityId: ids.get(plan.key) ?? plan.key,
        accountId: null,
        action: plan.before ? 'update' : 'create',
        before: plan.before ? auditable(plan.before) : null,
        after: plan.after ? auditable(plan.after) : null,
        changeSetId: context.importId,
      })),
    );
  }

  async *exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    let after = '';
    for (;;) {
      const page = (await manager.query(`${RECORD_SELECT} WHERE p.sku > $1 ORDER BY p.sku LIMIT 1000`, [
        after,
      ])) as ProductRow[];
      for (const row of page) yield toRecord(row);
      const last = page[page.length - 1];
      if (!last || page.length < 1000) return;
      after = last.sku;
    }
  }

  private async current(manager: EntityManager, skus: string[]): Promise<Map<string, CurrentProduct>> {
    // Probed one SKU at a time (LATERAL … LIMIT 1), for the same reason as codeOwners.
    const rows = (await manager.query(
      `${RECORD_SELECT.replace(
        'FROM products p',
        'FROM unnest($1::text[]) w(sku) CROSS JOIN LATERAL (SELECT * FROM products WHERE sku = w.sku LIMIT 1) p',
      )}`,
      [skus],
    )) as ProductRow[];
    return new Map(rows.map((row) => [row.sku, { id: row.id, record: toRecord(row) }]));
  }
}

const UNNEST_PRODUCTS = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
  $6::numeric[], $7::int[], $8::int[], $9::int[], $10::boolean[], $11::boolean[], $12::int[], $13::text[])
  AS t(sku, name, description, category, unit, list_price, min_order_qty, order_multiple, lead_time_days,
       backorderable, active, return_window_days, barcode)`;

function productColumns(plans: RowPlan[]): unknown[] {
  const records = plans.map((plan) => plan.after as ExportRecord);
  const text = (name: string) => records.map((record) => record[name] ?? '');
  const nullable = (name: string) => records.map((record) => (record[name] ? record[name] : null));
  const integer = (name: string) =>
    records.map((record) => (record[name] === '' ? null : Number(record[name])));
  const bool = (name: string) => records.map((record) => record[name] === 'true');
  return [
    text('sku'),
    text('name'),
    nullable('description'),
    text('category'),
    text('unit'),
    text('listPrice'),
    integer('minOrderQty'),
    integer('orderMultiple'),
    integer('leadTimeDays'),
    bool('backorderable'),
    bool('active'),
    integer('returnWindowDays'),
    nullable('barcode'),
  ];
}

function toRecord(row: ProductRow): ExportRecord {
  return {
    sku: row.sku,
    name: row.name,
    description: row.description ?? '',
    category: row.category,
    unit: row.unit,
    listPrice: row.listPrice,
    minOrderQty: String(row.minOrderQty),
    orderMultiple: String(row.orderMultiple),
    leadTimeDays: String(row.leadTimeDays),
    backorderable: String(row.backorderable),
    active: String(row.active),
    returnWindowDays: row.returnWindowDays === null ? '' : String(row.returnWindowDays),
    barcode: row.barcode ?? '',
    caseBarcodes: row.caseBarcodes,
  };
}

/** A row read and checked on its own (the DTO, pack rules), before the codes are checked across products. */
interface Draft {
  plan: RowPlan;
  after: ExportRecord | null;
  productId: string | null;
}

async function draft(row: ImportRow, current: CurrentProduct | undefined): Promise<Draft> {
  const sku = row.values['sku'] ?? '';
  const before = current?.record ?? null;
  const fail = (errors: FieldError[]): Draft => ({
    plan: { row: row.row, key: sku, action: 'error', errors, before, after: null },
    after: null,
    productId: current?.id ?? null,
  });
  const { body, errors } = bodyOf(row.values);
  if (errors.length > 0) return fail(errors);
  const checked = await validateAs(current ? UpdateProductDto : CreateProductDto, body);
  if (checked.errors.length > 0) return fail(checked.errors.map(toColumnError));
  const after = before ? { ...before, ...recordOf(body) } : newRecord(body);
  const packs = Number(after['minOrderQty']) % Number(after['orderMultiple']);
  if (packs !== 0) {
    return fail([
      { field: 'minOrderQty', message: `must be a multiple of orderMultiple (${after['orderMultiple']})` },
    ]);
  }
  const repeated = repeatedCode(after);
  if (repeated) return fail([repeated]);
  const action = !before ? 'create' : sameRecord(before, after) ? 'unchanged' : 'update';
  return {
    plan: { row: row.row, key: sku, action, errors: [], before, after },
    after,
    productId: current?.id ?? null,
  };
}

/** The cells as an API body: '' clears a nullable field and is an error elsewhere; numbers and flags parsed strictly. */
function bodyOf(values: Record<string, string>): { body: Record<string, unknown>; errors: FieldError[] } {
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [field, cell] of Object.entries(values)) {
    if (field === 'caseBarcodes') {
      const cases = parseCaseCell(cell);
      if (cases === null) errors.push({ field, message: 'must be CODE:UNITS items separated by "|"' });
      else body[field] = cases;
    } else if (cell === '') {
      if (NULLABLE_FIELDS.has(field)) body[field] = null;
      else errors.push({ field, message: 'must not be empty' });
    } else if (INTEGER_FIELDS.has(field)) {
      if (/^-?\d{1,9}$/.test(cell)) body[field] = Number(cell);
      else errors.push({ field, message: 'must be a whole number' });
    } else if (BOOLEAN_FIELDS.has(field)) {
      const lower = cell.toLowerCase();
      if (TRUE.has(lower)) body[field] = true;
      else if (FALSE.has(lower)) body[field] = false;
      else errors.push({ field, message: 'must be true or false' });
    } else {
      body[field] = cell;
    }
  }
  return { body, errors };
}

/** "CODE:12|CODE2:48" → case barcodes; null when it does not read. */
function parseCaseCell(cell: string): { code: string; qty: number }[] | null {
  if (cell.trim() === '') return [];
  const items = cell.split('|').map((part) => {
    const at = part.lastIndexOf(':');
    const qty = part.slice(at + 1);
    return at > 0 && /^\d{1,9}$/.test(qty) ? { code: part.slice(0, at), qty: Number(qty) } : null;
  });
  return items.every((item) => item !== null) ? items : null;
}

function parseCases(cell: string): { code: string; qty: number }[] {
  return parseCaseCell(cell) ?? [];
}

function casesText(cases: { code: string; qty: number }[]): string {
  return [...cases]
    .sort((a, b) => a.qty - b.qty || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((item) => `${item.code}:${item.qty}`)
    .join('|');
}

/** The body's fields in export columns (money at two decimals, case barcodes in their stored order). */
function recordOf(body: Record<string, unknown>): ExportRecord {
  const record: ExportRecord = {};
  for (const [field, value] of Object.entries(body)) {
    if (field === 'caseBarcodes') record[field] = casesText(value as { code: string; qty: number }[]);
    else if (field === 'listPrice') record[field] = normaliseMoney(value as string);
    else record[field] = value === null ? '' : String(value as string | number | boolean);
  }
  return record;
}

/** A new product as POST /api/products would make it (the same defaults). */
function newRecord(body: Record<string, unknown>): ExportRecord {
  const given = recordOf(body);
  const orderMultiple = given['orderMultiple'] || '1';
  return {
    sku: given['sku'] ?? '',
    name: given['name'] ?? '',
    description: given['description'] ?? '',
    category: given['category'] ?? '',
    unit: given['unit'] ?? '',
    listPrice: given['listPrice'] ?? '',
    minOrderQty: given['minOrderQty'] || orderMultiple,
    orderMultiple,
    leadTimeDays: given['leadTimeDays'] || '10',
    backorderable: given['backorderable'] || 'true',
    active: given['active'] || 'true',
    returnWindowDays: given['returnWindowDays'] ?? '',
    barcode: given['barcode'] ?? '',
    caseBarcodes: given['caseBarcodes'] ?? '',
  };
}

/** Nested DTO errors (caseBarcodes.0.qty) name the file's column. */
function toColumnError(error: FieldError): FieldError {
  const field = error.field.startsWith('caseBarcodes') ? 'caseBarcodes' : error.field;
  return { ...error, field };
}

/** The codes a product ends up with: its SKU, barcode and case barcodes share one namespace. */
function codesOf(record: ExportRecord): Set<string> {
  const codes = new Set<string>([record['sku'] ?? '']);
  if (record['barcode']) codes.add(record['barcode']);
  for (const item of parseCases(record['caseBarcodes'] ?? '')) codes.add(item.code);
  codes.delete('');
  return codes;
}

function repeatedCode(record: ExportRecord): FieldError | null {
  const barcode = record['barcode'] || null;
  if (barcode !== null && barcode === record['sku'])
    return { field: 'barcode', message: 'must differ from the SKU' };
  const codes = parseCases(record['caseBarcodes'] ?? '').map((item) => item.code);
  const repeated = codes.find(
    (code, index) => codes.indexOf(code) !== index || code === barcode || code === record['sku'],
  );
  return repeated === undefined
    ? null
    : {
        field: 'caseBarcodes',
        message: `${repeated} is named more than once (SKU, barcode and case barcodes differ)`,
      };
}

async function codeOwners(manager: EntityManager, codes: string[]): Promise<Map<string, CodeOwner[]>> {
  const owners = new Map<string, CodeOwner[]>();
  if (codes.length === 0) return owners;
  const rows = (await manager.query(
    // One index probe per code (a LATERAL union cannot be flattened): with a thousand codes the planner
    // would otherwise hash the whole products table, once per chunk.
    `SELECT w.code, o.id AS "productId", o.sku FROM unnest($1::text[]) w(code) CROSS JOIN LATERAL (
       SELECT id, sku FROM products WHERE sku = w.code
       UNION ALL SELECT id, sku FROM products WHERE barcode = w.code
       UNION ALL SELECT p.id, p.sku FROM product_case_barcodes c JOIN products p ON p.id = c.product_id
                  WHERE c.code = w.code
     ) o`,
    [codes],
  )) as CodeOwner[];
  for (const row of rows) owners.set(row.code, [...(owners.get(row.code) ?? []), row]);
  return owners;
}

function claimsOf(context: ImportContext): CodeClaims {
  const state = context.state ?? new Map<string, unknown>();
  let claims = state.get('products.codes') as CodeClaims | undefined;
  if (!claims) {
    claims = { claimedBy: new Map(), finalCodes: new Map() };
    state.set('products.codes', claims);
  }
  return claims;
}

/**
 * A code is free for a row unless an earlier row of the file ends up with
 * it, or another product has it now and no earlier row took it away from
 * that product. (In a commit, earlier chunks are already written, and their
 * claims are the same, so both passes judge alike.)
 */
function checkCodes(item: Draft, owners: Map<string, CodeOwner[]>, claims: CodeClaims): RowPlan {
  const { plan, after } = item;
  if (!after) return plan;
  const sku = plan.key;
  const errors: FieldError[] = [];
  for (const code of codesOf(after)) {
    const field = code === sku ? 'sku' : code === after['barcode'] ? 'barcode' : 'caseBarcodes';
    const claim = claims.claimedBy.get(code);
    if (claim && claim.sku !== sku) {
      errors.push({ field, message: `${code} is also given to ${claim.sku} at row ${claim.row}` });
      continue;
    }
    const holder = (owners.get(code) ?? []).find(
      (owner) => owner.productId !== item.productId && claims.finalCodes.get(owner.sku)?.has(code) !== false,
    );
    if (holder) errors.push({ field, message: `${code} is in use by ${holder.sku}` });
  }
  if (errors.length > 0) return { ...plan, action: 'error', errors, after: null };
  const codes = codesOf(after);
  for (const code of codes)
    if (!claims.claimedBy.has(code)) claims.claimedBy.set(code, { sku, row: plan.row });
  claims.finalCodes.set(sku, codes);
  return plan;
}

/** The audit shape of PATCH /api/products (numbers, flags, nulls, case barcodes as a list). */
function auditable(record: ExportRecord): Record<string, unknown> {
  const integer = (name: string) => (record[name] === '' ? null : Number(record[name]));
  return {
    sku: record['sku'],
    name: record['name'],
    description: record['description'] || null,
    category: record['category'],
    unit: record['unit'],
    listPrice: record['listPrice'],
    minOrderQty: integer('minOrderQty'),
    orderMultiple: integer('orderMultiple'),
    leadTimeDays: integer('leadTimeDays'),
    backorderable: record['backorderable'] === 'true',
    active: record['active'] === 'true',
    returnWindowDays: integer('returnWindowDays'),
    barcode: record['barcode'] || null,
    caseBarcodes: parseCases(record['caseBarcodes'] ?? ''),
  };
}
