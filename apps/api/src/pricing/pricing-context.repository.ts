import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared } from '../database/prepared-statements';

export interface PricingContextRow {
  tier: { discountPercent: string } | null;
  breaks: { productId: string | null; minQty: number; discountPercent: string }[];
  fixedPrices: { productId: string; unitPrice: string }[];
  contracts: { productId: string; unitPrice: string; validFrom: string; validTo: string | null }[];
}

/**
 * Everything that prices a set of products for one account, in a single
 * round trip whatever the number of products: the account's tier, that
 * tier's breaks (tier-wide and for these products), its fixed prices and
 * the account's contract prices valid on the date. Amounts travel as text.
 * With no product list ($2 null) it loads the account's whole context.
 */
const CONTEXT_SQL = prepared(
  'pricing_context',
  `
SELECT
  CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('discountPercent', t.discount_percent::text) END AS tier,
  (SELECT coalesce(json_agg(json_build_object('productId', b.product_id, 'minQty', b.min_qty, 'discountPercent', b.discount_percent::text)), '[]')
     FROM tier_breaks b
    WHERE b.tier_id = t.id AND (b.product_id IS NULL OR $2::uuid[] IS NULL OR b.product_id = ANY($2::uuid[]))) AS breaks,
  (SELECT coalesce(json_agg(json_build_object('productId', f.product_id, 'unitPrice', f.unit_price::text)), '[]')
     FROM tier_fixed_prices f
    WHERE f.tier_id = t.id AND ($2::uuid[] IS NULL OR f.product_id = ANY($2::uuid[]))) AS "fixedPrices",
  (SELECT coalesce(json_agg(json_build_object('productId', c.product_id, 'unitPrice', c.unit_price::text,
                                              'validFrom', c.valid_from::text, 'validTo', c.valid_to::text)), '[]')
     FROM contract_prices c
    WHERE c.account_id = a.id AND ($2::uuid[] IS NULL OR c.product_id = ANY($2::uuid[]))
      AND c.valid_from <= $3::date AND (c.valid_to IS NULL OR c.valid_to >= $3::date)) AS contracts
FROM accounts a
LEFT JOIN price_tiers t ON t.id = a.price_tier_id
WHERE a.id = $1`,
);

@Injectable()
export class PricingContextRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** For these products, or (null) for all of them; in `manager`'s transaction when given. */
  async load(
    accountId: string,
    productIds: string[] | null,
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PricingContextRow | undefined> {
    const rows = (await manager.query(CONTEXT_SQL, [accountId, productIds, date])) as PricingContextRow[];
    return rows[0];
  }
}
