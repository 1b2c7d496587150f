import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { ChangeNotices } from '../common/change-notices';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import {
  ImportHandler,
  type ExportRecord,
  type ImportContext,
  type ImportKindHandler,
  type ImportRow,
  type RowPlan,
} from '../imports/import-kind';
import { normaliseSku, productIdsBySku, trimPercent, cellOf } from '../imports/row-cells';
import {
  auditedBreak,
  breakCells,
  breakOfRecord,
  breaksOf,
  groupByTier,
  planTier,
  sameBreaks,
  type Break,
} from './price-tier-rows';
import { NOT_YOURS, tierIdsByName, tiersNotEditable, touchTiers, type TierRow } from './tier-import-queries';

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
    private readonly changes: ChangeNotices,
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
    await this.changes.changed(manager, 'pricing');
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
