import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FixedPrice, PriceTierSummary, VolumeBreak, VolumeBreakInput } from '@tradecounter/contracts';
import { PriceTierEntity } from './price-tier.entity';
import { TierBreakEntity } from './tier-break.entity';
import { TierFixedPriceEntity } from './tier-fixed-price.entity';

const SUMMARY_SQL = `
SELECT t.id, t.name, t.discount_percent::text AS "discountPercent", t.version, t.updated_at AS "updatedAt",
       (SELECT count(*)::int FROM accounts a WHERE a.price_tier_id = t.id) AS "accountCount",
       (SELECT count(*)::int FROM tier_breaks b WHERE b.tier_id = t.id) AS "breakCount",
       (SELECT count(*)::int FROM tier_fixed_prices f WHERE f.tier_id = t.id) AS "fixedPriceCount"
  FROM price_tiers t`;

/** A numeric(5,2) percentage as the API shows it: "10", "12.5". */
function trimPercent(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

@Injectable()
export class PriceTiersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summaries(id?: string): Promise<PriceTierSummary[]> {
    const rows = (await this.dataSource.query(
      id ? `${SUMMARY_SQL} WHERE t.id = $1` : `${SUMMARY_SQL} ORDER BY t.discount_percent, t.name`,
      id ? [id] : [],
    )) as (PriceTierSummary & { updatedAt: Date })[];
    return rows.map((row) => ({
      ...row,
      discountPercent: trimPercent(row.discountPercent),
      updatedAt: new Date(row.updatedAt).toISOString(),
    }));
  }

  async breaks(tierId: string): Promise<VolumeBreak[]> {
    const rows = (await this.dataSource.query(
      `SELECT b.product_id AS "productId", p.sku, p.name AS "productName", b.min_qty AS "minQty", b.discount_percent::text AS "discountPercent"
         FROM tier_breaks b LEFT JOIN products p ON p.id = b.product_id
        WHERE b.tier_id = $1 ORDER BY p.sku NULLS FIRST, b.min_qty`,
      [tierId],
    )) as VolumeBreak[];
    return rows.map((row) => ({ ...row, discountPercent: trimPercent(row.discountPercent) }));
  }

  fixedPrices(tierId: string): Promise<FixedPrice[]> {
    return this.dataSource.query(
      `SELECT f.product_id AS "productId", p.sku, p.name AS "productName", p.list_price::text AS "listPrice", f.unit_price::text AS "unitPrice"
         FROM tier_fixed_prices f JOIN products p ON p.id = f.product_id
        WHERE f.tier_id = $1 ORDER BY p.sku`,
      [tierId],
    ) as Promise<FixedPrice[]>;
  }

  lock(tx: EntityManager, id: string): Promise<PriceTierEntity | null> {
    return tx.getRepository(PriceTierEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const query = this.dataSource
      .getRepository(PriceTierEntity)
      .createQueryBuilder('t')
      .where('lower(t.name) = lower(:name)', { name });
    if (exceptId) query.andWhere('t.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  saveTier(tx: EntityManager, tier: Partial<PriceTierEntity>): Promise<PriceTierEntity> {
    const repository = tx.getRepository(PriceTierEntity);
    return repository.save(repository.create(tier));
  }

  /** Marks the tier changed: a new version (its ETag) and updated_at. */
  async touch(tx: EntityManager, id: string): Promise<void> {
    await tx.query('UPDATE price_tiers SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
  }

  async replaceBreaks(tx: EntityManager, tierId: string, breaks: VolumeBreakInput[]): Promise<void> {
    await tx.getRepository(TierBreakEntity).delete({ tierId });
    if (breaks.length > 0) {
      await tx.getRepository(TierBreakEntity).insert(breaks.map((entry) => ({ ...entry, tierId })));
    }
  }

  /** The SKU of each of these products that exists, by id. */
  async productSkus(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query('SELECT id, sku FROM products WHERE id = ANY($1::uuid[])', [
      ids,
    ])) as { id: string; sku: string }[];
    return new Map(rows.map((row) => [row.id, row.sku]));
  }

  findFixedPrice(tx: EntityManager, tierId: string, productId: string): Promise<TierFixedPriceEntity | null> {
    return tx.getRepository(TierFixedPriceEntity).findOneBy({ tierId, productId });
  }

  async upsertFixedPrice(
    tx: EntityManager,
    tierId: string,
    productId: string,
    unitPrice: string,
  ): Promise<void> {
    await tx
      .getRepository(TierFixedPriceEntity)
      .upsert({ tierId, productId, unitPrice }, ['tierId', 'productId']);
  }

  async deleteFixedPrice(tx: EntityManager, tierId: string, productId: string): Promise<boolean> {
    const result = await tx.getRepository(TierFixedPriceEntity).delete({ tierId, productId });
    return (result.affected ?? 0) > 0;
  }
}
