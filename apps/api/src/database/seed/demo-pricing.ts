import { EntityManager } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { ContractPriceEntity } from '../../pricing/contract-price.entity';
import { PriceTierEntity } from '../../pricing/price-tier.entity';
import { TierBreakEntity } from '../../pricing/tier-break.entity';
import { TierFixedPriceEntity } from '../../pricing/tier-fixed-price.entity';

const TIERS = [
  {
    name: 'Standard',
    discountPercent: '0',
    breaks: [
      [25, '2'],
      [100, '4'],
    ],
  },
  {
    name: 'Silver',
    discountPercent: '5',
    breaks: [
      [10, '3'],
      [50, '5'],
      [100, '7.5'],
    ],
  },
  {
    name: 'Gold',
    discountPercent: '10',
    breaks: [
      [10, '5'],
      [50, '8'],
    ],
  },
] as const;

/** Which tier each demo account is on; the rest stay on Standard. */
const TIER_OF: Record<string, string> = {
  ACME: 'Gold',
  STARK: 'Gold',
  UMBRELLA: 'Gold',
  GRINGOTTS: 'Gold',
  OSCORP: 'Gold',
  GLOBEX: 'Silver',
  WAYNE: 'Silver',
  HOOLI: 'Silver',
  MASSIVE: 'Silver',
  ABSTERGO: 'Silver',
  MONARCH: 'Silver',
  TYRELL: 'Silver',
};

/** Standard, Silver and Gold tiers with breaks, a few fixed prices, and ACME's contract prices. */
export async function seedDemoPricing(tx: EntityManager, today: string): Promise<void> {
  const tiers = await tx
    .getRepository(PriceTierEntity)
    .save(TIERS.map(({ name, discountPercent }) => ({ name, discountPercent })));
  const tierId = new Map<string, string>(tiers.map((tier) => [tier.name, tier.id]));
  const productId = async (sku: string) =>
    ((await tx.query('SELECT id FROM products WHERE sku = $1', [sku])) as { id: string }[])[0]?.id ?? '';

  const breaks: { tierId: string; productId: string | null; minQty: number; discountPercent: string }[] =
    TIERS.flatMap((tier) =>
      tier.breaks.map(([minQty, discountPercent]) => ({
        tierId: tierId.get(tier.name) ?? '',
        productId: null,
        minQty,
        discountPercent,
      })),
    );
  // Gold buyers of nitrile gloves get deeper product-specific breaks.
  for (const sku of ['GLV-NIT-M', 'GLV-NIT-L']) {
    const id = await productId(sku);
    breaks.push({ tierId: tierId.get('Gold') ?? '', productId: id, minQty: 20, discountPercent: '12.5' });
    breaks.push({ tierId: tierId.get('Gold') ?? '', productId: id, minQty: 100, discountPercent: '15' });
  }
  await tx.getRepository(TierBreakEntity).insert(breaks);

  await tx.getRepository(TierFixedPriceEntity).insert([
    { tierId: tierId.get('Gold') ?? '', productId: await productId('PAP-TT-STD'), unitPrice: '52.00' },
    { tierId: tierId.get('Silver') ?? '', productId: await productId('PAP-TT-STD'), unitPrice: '56.50' },
    { tierId: tierId.get('Gold') ?? '', productId: await productId('OFF-PPR-WHITE'), unitPrice: '21.90' },
  ]);

  for (const [code, name] of Object.entries(TIER_OF)) {
    await tx.getRepository(AccountEntity).update({ code }, { priceTierId: tierId.get(name) ?? null });
  }
  await tx.query('UPDATE accounts SET price_tier_id = $1 WHERE price_tier_id IS NULL', [
    tierId.get('Standard'),
  ]);

  const acme =
    ((await tx.query("SELECT id FROM accounts WHERE code = 'ACME'")) as { id: string }[])[0]?.id ?? '';
  const year = Number(today.slice(0, 4));
  await tx.getRepository(ContractPriceEntity).insert([
    {
      accountId: acme,
      productId: await productId('CHM-DIS-1GAL-4'),
      unitPrice: '44.00',
      validFrom: `${year}-01-01`,
      validTo: `${year + 1}-12-31`,
    },
    {
      accountId: acme,
      productId: await productId('PKG-TPE-CLEAR'),
      unitPrice: '45.00',
      validFrom: `${year}-01-01`,
      validTo: null,
    },
    {
      accountId: acme,
      productId: await productId('EL-BAT-AA'),
      unitPrice: '13.99',
      validFrom: `${year + 1}-01-01`,
      validTo: `${year + 1}-06-30`,
    },
  ]);
}
