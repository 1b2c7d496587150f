import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { normaliseMoney } from '@tradecounter/domain';
import { ChangeNotices } from '../common/change-notices';
import { AuditService } from '../audit/audit.service';
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
  normaliseSku,
  pagedRecords,
  planOf,
  productIdsBySku,
  required,
} from '../imports/row-cells';
import { SetFixedPriceDto } from './dto/price-tier.dto';
import { NOT_YOURS, tierIdsByName, tiersNotEditable, touchTiers } from './tier-import-queries';

/**
 * A tier's fixed prices per SKU, as `PUT /api/price-tiers/:id/fixed-prices/:productId`
 * sets them: audited as `price_tier` entries (`fixedPrice` before and after),
 * the tier's version bumped, every price book dropped.
 */
@ImportHandler()
@Injectable()
export class TierPriceImport implements ImportKindHandler {
  readonly info: ImportKindInfo = {
    kind: 'tier-prices',
    label: 'Tier fixed prices',
    keyDescription: 'tierName + sku',
    childSet: null,
    columns: [
      {
        name: 'tierName',
        required: true,
        key: true,
        description: 'The price tier (any case)',
        example: 'Gold',
      },
      { name: 'sku', required: true, key: true, description: 'The product', example: 'GLV-NIT-M' },
      {
        name: 'unitPrice',
        required: true,
        key: false,
        description: "The tier's fixed base price for the product, in place of the tier discount",
        example: '10.50',
      },
    ],
  };

  constructor(
    private readonly audit: AuditService,
    private readonly changes: ChangeNotices,
  ) {}

  async plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]> {
    const check = chunkValidator(SetFixedPriceDto);
    const { manager } = context;
    const keys = rows.map((row) => ({
      tierName: (cellOf(row, 'tierName') ?? '').trim(),
      sku: normaliseSku(cellOf(row, 'sku')),
    }));
    const tiers = await tierIdsByName(
      manager,
      keys.map((key) => key.tierName),
    );
    const products = await productIdsBySku(
      manager,
      keys.map((key) => key.sku),
    );
    const existing = await this.fixedPrices(
      manager,
      keys.flatMap((key) => {
        const tier = tiers.get(key.tierName.toLowerCase());
        const productId = products.get(key.sku);
        return tier && productId ? [{ tierId: tier.id, productId }] : [];
      }),
    );
    const locked = await tiersNotEditable(
      manager,
      context.actor,
      [...tiers.values()].map((tier) => tier.id),
    );
    const plans: RowPlan[] = [];
    for (const [index, row] of rows.entries()) {
      const { tierName, sku } = keys[index] ?? { tierName: '', sku: '' };
      const tier = tiers.get(tierName.toLowerCase());
      const productId = products.get(sku);
      const key = `${tier?.name ?? tierName}/${sku}`;
      const errors: FieldError[] = [];
      if (tierName === '') errors.push(required('tierName'));
      else if (!tier) errors.push({ field: 'tierName', message: 'is not a known price tier' });
      else if (locked.has(tier.id)) errors.push({ field: 'tierName', message: NOT_YOURS });
      if (sku === '') errors.push(required('sku'));
      else if (!productId) errors.push({ field: 'sku', message: 'is not a known product' });
      const now = tier && productId ? existing.get(`${tier.id}:${productId}`) : undefined;
      const before = now !== undefined && tier ? { tierName: tier.name, sku, unitPrice: now } : null;
      const cell = cellOf(row, 'unitPrice');
      let unitPrice = now;
      if (cell === undefined || cell === '') {
        // Clearing a fixed price is a delete, which imports never do; a new one needs its price.
        if (cell === '' || !now) errors.push(required('unitPrice'));
      } else {
        const checked = await check({ unitPrice: cell });
        errors.push(...checked.errors);
        if (checked.value) unitPrice = normaliseMoney(checked.value.unitPrice);
      }
      const after = { tierName: tier?.name ?? tierName, sku, unitPrice: unitPrice ?? '' };
      plans.push(planOf(row.row, key, errors, before, after));
    }
    return plans;
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const writes = plans.filter((plan) => plan.action === 'create' || plan.action === 'update');
    if (writes.length === 0) return;
    const { manager } = context;
    const tiers = await tierIdsByName(
      manager,
      writes.map((plan) => plan.after?.['tierName'] ?? ''),
    );
    const products = await productIdsBySku(
      manager,
      writes.map((plan) => plan.after?.['sku'] ?? ''),
    );
    const rows = writes.map((plan) => {
      const after = plan.after ?? {};
      const tierId = tiers.get((after['tierName'] ?? '').toLowerCase())?.id;
      const productId = products.get(after['sku'] ?? '');
      if (!tierId || !productId) throw new Error(`Row ${plan.row} names no tier or product`);
      return { plan, tierId, productId, sku: after['sku'] ?? '', unitPrice: after['unitPrice'] ?? '' };
    });
    await manager.query(
      `INSERT INTO tier_fixed_prices (tier_id, product_id, unit_price)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])
       ON CONFLICT (tier_id, product_id) DO UPDATE SET unit_price = EXCLUDED.unit_price`,
      [rows.map((row) => row.tierId), rows.map((row) => row.productId), rows.map((row) => row.unitPrice)],
    );
    await touchTiers(
      manager,
      rows.map((row) => row.tierId),
    );
    await this.audit.recordMany(
      manager,
      rows.map((row) => ({
        actorId: context.actor.id,
        entity: 'price_tier',
        entityId: row.tierId,
        accountId: null,
        action: 'update' as const,
        before: {
          fixedPrice: {
            productId: row.productId,
            sku: row.sku,
            unitPrice: row.plan.before?.['unitPrice'] ?? null,
          },
        },
        after: { fixedPrice: { productId: row.productId, sku: row.sku, unitPrice: row.unitPrice } },
        changeSetId: context.importId,
      })),
    );
    // A tier may price any account: every price book goes, as after the API's change.
    await this.changes.changed(manager, 'pricing');
  }

  exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    return pagedRecords<ExportRecord>(async (last, limit) => {
      const rows = (await manager.query(
        `SELECT t.name AS "tierName", p.sku, f.unit_price::text AS "unitPrice"
           FROM tier_fixed_prices f JOIN price_tiers t ON t.id = f.tier_id JOIN products p ON p.id = f.product_id
          WHERE ($1::text IS NULL OR (t.name, p.sku) > ($1, $2))
          ORDER BY t.name, p.sku LIMIT $3`,
        [last?.['tierName'] ?? null, last?.['sku'] ?? null, limit],
      )) as ExportRecord[];
      return rows;
    });
  }

  /** The fixed prices there are of these tier/product pairs, by "tierId:productId". */
  private async fixedPrices(
    manager: EntityManager,
    pairs: { tierId: string; productId: string }[],
  ): Promise<Map<string, string>> {
    if (pairs.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT f.tier_id AS "tierId", f.product_id AS "productId", f.unit_price::text AS "unitPrice"
         FROM unnest($1::uuid[], $2::uuid[]) AS k(tier_id, product_id)
        CROSS JOIN LATERAL (
              SELECT * FROM tier_fixed_prices WHERE tier_id = k.tier_id AND product_id = k.product_id) f`,
      [pairs.map((pair) => pair.tierId), pairs.map((pair) => pair.productId)],
    )) as { tierId: string; productId: string; unitPrice: string }[];
    return new Map(rows.map((row) => [`${row.tierId}:${row.productId}`, row.unitPrice]));
  }
}
