import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditedBreak, FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { dropNowAndAfterCommit } from '../common/after-commit';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { validateAs } from '../common/http/validate-as';
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
  notWhole,
  normaliseSku,
  productIdsBySku,
  renameFields,
  trimPercent,
  wholeNumber,
} from '../imports/row-cells';
import { CreatePriceTierDto, UpdatePriceTierDto, VolumeBreakDto } from './dto/price-tier.dto';
import { PriceCalculator } from './price-calculator';
import { NOT_YOURS, tierIdsByName, tiersNotEditable, touchTiers, type TierRow } from './tier-import-queries';

const BREAK_COLUMNS = {
  productId: 'break.sku',
  minQty: 'break.minQty',
  discountPercent: 'break.discountPercent',
};
const TIER_FIELDS = ['name', 'discountPercent'] as const;
/** As `PUT /api/price-tiers/:id/breaks` takes at most 200. */
const MAX_BREAKS = 200;

interface Break {
  productId: string | null;
  sku: string | null;
  minQty: number;
  discountPercent: string;
}

/**
 * Price tiers with their volume breaks, one row per break (a tier's rows
 * consecutive, its fields repeated on each). Tier fields change as
 * `PATCH /api/price-tiers/:id` changes them (or `POST` creates the tier); the
 * rows' breaks replace the tier's set as `PUT /api/price-tiers/:id/breaks`
 * does, unless the file has no break columns. Audited as `price_tier`
 * entries; every price book dropped.
 */
@ImportHandler()
@Injectable()
export class PriceTierImport implements ImportKindHandler {
  readonly info: ImportKindInfo = {
    kind: 'price-tiers',
    label: 'Price tiers with volume breaks',
    keyDescription: 'name',
    childSet: 'breaks',
    columns: [
      {
        name: 'name',
        required: true,
        key: true,
        description: 'The tier (unique whatever its case)',
        example: 'Gold',
      },
      {
        name: 'discountPercent',
        required: true,
        key: false,
        description: 'Default discount off list, 0-100; the same on every row of the tier',
        example: '10',
      },
      {
        name: 'break.sku',
        required: false,
        key: false,
        description: "A break's product; empty: tier-wide",
        example: 'GLV-NIT-M',
      },
      {
        name: 'break.minQty',
        required: false,
        key: false,
        description: 'The quantity from which the break applies (unique per product or tier-wide)',
        example: '50',
      },
      {
        name: 'break.discountPercent',
        required: false,
        key: false,
        description: 'The break discount off list, 0-100',
        example: '15',
      },
    ],
  };

  constructor(
    private readonly audit: AuditService,
    private readonly calculator: PriceCalculator,
  ) {}

  parentKey(values: Record<string, string>): string {
    return (values['name'] ?? '').trim().toLowerCase();
  }

  async plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]> {
    const { manager } = context;
    const groups = groupByTier(rows, (row) => this.parentKey(row.values));
    const tiers = await tierIdsByName(manager, groups.keys());
    const existingBreaks = await breaksOf(
      manager,
      [...tiers.values()].map((tier) => tier.id),
    );
    const products = await productIdsBySku(
      manager,
      rows.map((row) => normaliseSku(cellOf(row, 'break.sku'))),
    );
    const locked = await tiersNotEditable(
      manager,
      context.actor,
      [...tiers.values()].map((tier) => tier.id),
    );
    const plans: RowPlan[] = [];
    for (const [parent, group] of groups) {
      const tier = tiers.get(parent);
      const [first] = group;
      if (tier && first && locked.has(tier.id)) {
        plans.push(...group.map((row) => refused(row, tier.name, { field: 'name', message: NOT_YOURS })));
        continue;
      }
      plans.push(...(await planTier(parent, group, tier, existingBreaks, products)));
    }
    return plans.sort((a, b) => a.row - b.row);
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const { manager } = context;
    const groups = new Map<string, RowPlan[]>();
    for (const plan of plans) {
      if (plan.action !== 'create' && plan.action !== 'update') continue;
      const parent = (plan.after?.['name'] ?? '').toLowerCase();
      groups.set(parent, [...(groups.get(parent) ?? []), plan]);
    }
    if (groups.size === 0) return;
    const existing = await tierIdsByName(manager, groups.keys());
    const created = await this.createTiers(
      manager,
      [...groups].filter(([parent]) => !existing.has(parent)).map(([, group]) => group[0]?.after ?? {}),
    );
    const audits: AuditRecord[] = [];
    const audit = (tierId: string, action: 'create' | 'update', before: object | null, after: object) =>
      audits.push({
        actorId: context.actor.id,
        entity: 'price_tier',
        entityId: tierId,
        accountId: null,
        action,
        before: before as Record<string, unknown> | null,
        after: after as Record<string, unknown>,
        changeSetId: context.importId,
      });

    const fieldChanges: { id: string; name: string; discountPercent: string }[] = [];
    for (const [parent, group] of groups) {
      const after = group[0]?.after ?? {};
      const fields = { name: after['name'] ?? '', discountPercent: after['discountPercent'] ?? '' };
      const now = existing.get(parent);
      if (!now) {
        const id = created.get(parent);
        if (id) audit(id, 'create', null, fields);
        continue;
      }
      const before = { name: now.name, discountPercent: trimPercent(now.discountPercent) };
      if (before.name !== fields.name || before.discountPercent !== fields.discountPercent) {
        fieldChanges.push({ id: now.id, ...fields });
        audit(now.id, 'update', before, fields);
      }
    }
    if (fieldChanges.length > 0) {
      await manager.query(
        `UPDATE price_tiers t SET name = u.name, discount_percent = u.discount_percent
           FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS u(id, name, discount_percent)
          WHERE t.id = u.id`,
        [
          fieldChanges.map((c) => c.id),
          fieldChanges.map((c) => c.name),
          fieldChanges.map((c) => c.discountPercent),
        ],
      );
    }

    // Break sets: only where the file has break columns, and only those that differ.
    const tierIds = new Map<string, string>();
    for (const parent of groups.keys()) {
      const id = existing.get(parent)?.id ?? created.get(parent);
      if (id) tierIds.set(parent, id);
    }
    const currentBreaks = await breaksOf(
      manager,
      [...existing.values()].map((tier) => tier.id),
    );
    const products = await productIdsBySku(
      manager,
      plans.map((plan) => plan.after?.['break.sku'] ?? ''),
    );
    const replaced: { tierId: string; breaks: Break[] }[] = [];
    for (const [parent, group] of groups) {
      const tierId = tierIds.get(parent);
      if (!tierId || !group.some((plan) => plan.after && 'break.minQty' in plan.after)) continue;
      const breaks = group.flatMap((plan) => breakOfRecord(plan.after ?? {}, products));
      const before = currentBreaks.get(tierId) ?? [];
      if (sameBreaks(before, breaks)) continue;
      replaced.push({ tierId, breaks });
      audit(tierId, 'update', { breaks: before.map(auditedBreak) }, { breaks: breaks.map(auditedBreak) });
    }
    if (replaced.length > 0) {
      await manager.query('DELETE FROM tier_breaks WHERE tier_id = ANY($1::uuid[])', [
        replaced.map((entry) => entry.tierId),
      ]);
      const rows = replaced.flatMap((entry) =>
        entry.breaks.map((item) => ({ tierId: entry.tierId, ...item })),
      );
      if (rows.length > 0) {
        await manager.query(
          `INSERT INTO tier_breaks (tier_id, product_id, min_qty, discount_percent)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::numeric[])`,
          [
            rows.map((r) => r.tierId),
            rows.map((r) => r.productId),
            rows.map((r) => r.minQty),
            rows.map((r) => r.discountPercent),
          ],
        );
      }
    }
    await touchTiers(manager, [
      ...fieldChanges.map((change) => change.id),
      ...replaced.map((entry) => entry.tierId),
    ]);
    await this.audit.recordMany(manager, audits);
    // A tier may price any account: every price book goes, as after the API's changes.
    dropNowAndAfterCommit(manager, () => this.calculator.forgetAll());
  }

  async *exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    let last: string | null = null;
    for (;;) {
      const tiers = (await manager.query(
        `SELECT id, name, discount_percent::text AS "discountPercent" FROM price_tiers
          WHERE $1::text IS NULL OR name > $1 ORDER BY name LIMIT 500`,
        [last],
      )) as TierRow[];
      const breaks = await breaksOf(
        manager,
        tiers.map((tier) => tier.id),
      );
      for (const tier of tiers) {
        const fields = { name: tier.name, discountPercent: trimPercent(tier.discountPercent) };
        const set = breaks.get(tier.id) ?? [];
        if (set.length === 0) yield { ...fields, ...breakCells(null) };
        for (const item of set) yield { ...fields, ...breakCells(item) };
      }
      if (tiers.length < 500) return;
      last = tiers[tiers.length - 1]?.name ?? null;
    }
  }

  /** Inserts the new tiers in one statement; their ids by lower-cased name. */
  private async createTiers(manager: EntityManager, records: ExportRecord[]): Promise<Map<string, string>> {
    if (records.length === 0) return new Map();
    const rows = (await manager.query(
      `INSERT INTO price_tiers (name, discount_percent)
       SELECT * FROM unnest($1::text[], $2::numeric[]) RETURNING id, name`,
      [records.map((record) => record['name']), records.map((record) => record['discountPercent'])],
    )) as { id: string; name: string }[];
    return new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
  }
}

function refused(row: ImportRow, key: string, error: FieldError): RowPlan {
  return { row: row.row, key, action: 'error', errors: [error], before: null, after: null };
}

/** The chunk's rows by tier, in file order; a tier's rows must be consecutive. */
function groupByTier(rows: ImportRow[], parentOf: (row: ImportRow) => string): Map<string, ImportRow[]> {
  const groups = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    groups.set(parent, [...(groups.get(parent) ?? []), row]);
  }
  return groups;
}

/** Plans one tier's rows: the tier's fields (the same on each row) and, if the file has them, its break set. */
async function planTier(
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
async function breaksOf(manager: EntityManager, tierIds: string[]): Promise<Map<string, Break[]>> {
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

function breakCells(item: Break | null): ExportRecord {
  return {
    'break.sku': item?.sku ?? '',
    'break.minQty': item ? String(item.minQty) : '',
    'break.discountPercent': item?.discountPercent ?? '',
  };
}

function breakOfRecord(record: ExportRecord, products: Map<string, string>): Break[] {
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

function sameBreaks(a: Break[], b: Break[]): boolean {
  const canonical = (set: Break[]) =>
    set
      .map((item) => `${item.productId ?? '*'}:${item.minQty}:${trimPercent(item.discountPercent)}`)
      .sort()
      .join('|');
  return canonical(a) === canonical(b);
}

/** A break as the trail keeps it (as the API writes it), named by SKU. */
function auditedBreak(item: Break): AuditedBreak {
  const plain = {
    productId: item.productId,
    minQty: item.minQty,
    discountPercent: trimPercent(item.discountPercent),
  };
  return item.productId ? { ...plain, sku: item.sku } : plain;
}
