import type { EntityManager } from 'typeorm';
import type { AuditedBreak, FieldError } from '@tradecounter/contracts';
import { validateAs } from '../common/http/validate-as';
import type { ExportRecord, ImportRow, RowPlan } from '../imports/import-kind';
import { cellOf, normaliseSku, notWhole, renameFields, trimPercent, wholeNumber } from '../imports/row-cells';
import { CreatePriceTierDto, UpdatePriceTierDto, VolumeBreakDto } from './dto/price-tier.dto';
import type { TierRow } from './tier-import-queries';

/*
 * The rows of the price-tiers kind: a tier's fields repeated on each row,
 * one row per volume break. Planning one tier's rows, and its break set.
 */

/** The break DTO's fields as the file's columns. */
const BREAK_COLUMNS = {
  productId: 'break.sku',
  minQty: 'break.minQty',
  discountPercent: 'break.discountPercent',
};
const TIER_FIELDS = ['name', 'discountPercent'] as const;
/** As `PUT /api/price-tiers/:id/breaks` takes at most 200. */
const MAX_BREAKS = 200;

export interface Break {
  productId: string | null;
  sku: string | null;
  minQty: number;
  discountPercent: string;
}

/** The chunk's rows by tier, in file order; a tier's rows must be consecutive. */
export function groupByTier(
  rows: ImportRow[],
  parentOf: (row: ImportRow) => string,
): Map<string, ImportRow[]> {
  const groups = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    groups.set(parent, [...(groups.get(parent) ?? []), row]);
  }
  return groups;
}

/** Plans one tier's rows: the tier's fields (the same on each row) and, if the file has them, its break set. */
export async function planTier(
  parent: string,
  group: ImportRow[],
  tier: TierRow | undefined,
  existingBreaks: Map<string, Break[]>,
  products: Map<string, string>,
): Promise<RowPlan[]> {
  const [first] = group;
  if (!first) return [];
  const errors = new Map<number, FieldError[]>(group.map((row) => [row.row, []]));
  const fail = (row: ImportRow, ...found: FieldError[]) => errors.get(row.row)?.push(...found);

  // The tier's fields, as POST (new) or PATCH (existing) would take them.
  const name = tier?.name ?? (cellOf(first, 'name') ?? '').trim();
  const body: Record<string, unknown> = { name: cellOf(first, 'name') ?? '' };
  const discountCell = cellOf(first, 'discountPercent');
  if (discountCell !== undefined) body['discountPercent'] = discountCell;
  const checked = await validateAs(tier ? UpdatePriceTierDto : CreatePriceTierDto, body);
  if (parent === '') fail(first, { field: 'name', message: 'is required' });
  else fail(first, ...checked.errors);
  for (const row of group.slice(1)) {
    for (const field of TIER_FIELDS) {
      const here = cellOf(row, field);
      const there = cellOf(first, field);
      const same =
        field === 'name' ? here?.trim().toLowerCase() === there?.trim().toLowerCase() : here === there;
      if (!same) fail(row, { field, message: `differs from row ${first.row} of the same tier` });
    }
  }
  if (group.some((row, index) => index > 0 && row.row !== (group[index - 1]?.row ?? 0) + 1)) {
    const stray = group.find((row, index) => index > 0 && row.row !== (group[index - 1]?.row ?? 0) + 1);
    if (stray)
      fail(stray, { field: 'name', message: `a tier's rows must be consecutive (see row ${first.row})` });
  }
  const discountPercent = checked.value?.discountPercent ?? (tier ? trimPercent(tier.discountPercent) : '');
  const fields = { name, discountPercent: discountPercent === '' ? '' : trimPercent(discountPercent) };

  // Its breaks, each as PUT .../breaks checks an item, then the set as it checks the whole.
  const withBreaks = Object.keys(BREAK_COLUMNS).some((field) =>
    Object.keys(first.values).includes(BREAK_COLUMNS[field as keyof typeof BREAK_COLUMNS]),
  );
  const breaks = new Map<number, Break>();
  if (withBreaks) {
    const seen = new Map<string, number>();
    for (const row of group) {
      const cells = Object.values(BREAK_COLUMNS).map((column) => cellOf(row, column) ?? '');
      if (cells.every((cell) => cell === '')) continue;
      const sku = normaliseSku(cellOf(row, 'break.sku'));
      const productId = sku === '' ? null : (products.get(sku) ?? null);
      if (sku !== '' && !productId) fail(row, { field: 'break.sku', message: 'is not a known product' });
      const minQtyCell = cellOf(row, 'break.minQty');
      const item: Record<string, unknown> = {
        productId,
        minQty: wholeNumber(minQtyCell ?? ''),
        discountPercent: cellOf(row, 'break.discountPercent') || undefined,
      };
      const valid = await validateAs(VolumeBreakDto, item);
      const notWholeQty = minQtyCell !== undefined && minQtyCell !== '' && item['minQty'] === undefined;
      if (notWholeQty) fail(row, notWhole('break.minQty'));
      fail(
        row,
        ...renameFields(valid.errors, BREAK_COLUMNS).filter(
          (error) => !(notWholeQty && error.field === 'break.minQty'),
        ),
      );
      if (!valid.value) continue;
      const scope = `${sku || '*'}:${valid.value.minQty}`;
      const repeated = seen.get(scope);
      if (repeated !== undefined) {
        fail(row, {
          field: 'break.minQty',
          message: `repeats the break at ${valid.value.minQty} of row ${repeated}`,
        });
      } else seen.set(scope, row.row);
      breaks.set(row.row, {
        productId,
        sku: sku === '' ? null : sku,
        minQty: valid.value.minQty,
        discountPercent: trimPercent(valid.value.discountPercent),
      });
    }
    if (breaks.size > MAX_BREAKS) {
      fail(first, { field: 'break.minQty', message: `a tier has at most ${MAX_BREAKS} breaks` });
    }
  }

  const before = tier ? { name: tier.name, discountPercent: trimPercent(tier.discountPercent) } : null;
  const nowBreaks = tier ? (existingBreaks.get(tier.id) ?? []) : [];
  const changed =
    !before ||
    before.discountPercent !== fields.discountPercent ||
    (withBreaks && !sameBreaks(nowBreaks, [...breaks.values()]));
  const action = !tier ? 'create' : changed ? 'update' : 'unchanged';
  return group.map((row): RowPlan => {
    const found = errors.get(row.row) ?? [];
    const item = breaks.get(row.row) ?? null;
    const match =
      item && nowBreaks.find((old) => old.productId === item.productId && old.minQty === item.minQty);
    const rowBefore = before ? { ...before, ...(withBreaks ? breakCells(match ?? null) : {}) } : null;
    const rowAfter = { ...fields, ...(withBreaks ? breakCells(item) : {}) };
    const key = tier?.name ?? name;
    if (found.length > 0)
      return { row: row.row, key, action: 'error', errors: found, before: rowBefore, after: null };
    return { row: row.row, key, action, errors: [], before: rowBefore, after: rowAfter };
  });
}

/** The breaks of these tiers, in export order (tier-wide first, then by SKU, each by minQty). */
export async function breaksOf(manager: EntityManager, tierIds: string[]): Promise<Map<string, Break[]>> {
  if (tierIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT b.tier_id AS "tierId", b.product_id AS "productId", p.sku, b.min_qty AS "minQty",
            b.discount_percent::text AS "discountPercent"
       FROM tier_breaks b LEFT JOIN products p ON p.id = b.product_id
      WHERE b.tier_id = ANY($1::uuid[]) ORDER BY p.sku NULLS FIRST, b.min_qty`,
    [tierIds],
  )) as (Break & { tierId: string })[];
  const found = new Map<string, Break[]>();
  for (const { tierId, ...item } of rows) {
    const set = found.get(tierId) ?? [];
    set.push({ ...item, discountPercent: trimPercent(item.discountPercent) });
    found.set(tierId, set);
  }
  return found;
}

export function breakCells(item: Break | null): ExportRecord {
  return {
    'break.sku': item?.sku ?? '',
    'break.minQty': item ? String(item.minQty) : '',
    'break.discountPercent': item?.discountPercent ?? '',
  };
}

export function breakOfRecord(record: ExportRecord, products: Map<string, string>): Break[] {
  if (!record['break.minQty']) return [];
  const sku = record['break.sku'] || null;
  return [
    {
      productId: sku ? (products.get(sku) ?? null) : null,
      sku,
      minQty: Number(record['break.minQty']),
      discountPercent: record['break.discountPercent'] ?? '0',
    },
  ];
}

export function sameBreaks(a: Break[], b: Break[]): boolean {
  const canonical = (set: Break[]) =>
    set
      .map((item) => `${item.productId ?? '*'}:${item.minQty}:${trimPercent(item.discountPercent)}`)
      .sort()
      .join('|');
  return canonical(a) === canonical(b);
}

/** A break as the trail keeps it (as the API writes it), named by SKU. */
export function auditedBreak(item: Break): AuditedBreak {
  const plain = {
    productId: item.productId,
    minQty: item.minQty,
    discountPercent: trimPercent(item.discountPercent),
  };
  return item.productId ? { ...plain, sku: item.sku } : plain;
}
