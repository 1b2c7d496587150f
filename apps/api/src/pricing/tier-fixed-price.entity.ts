import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';
import { PriceTierEntity } from './price-tier.entity';

/** A tier's fixed base price for one product, in place of the tier discount. */
@Entity({ name: 'tier_fixed_prices' })
@Check('tier_fixed_prices_price_check', `unit_price >= 0`)
export class TierFixedPriceEntity {
  @PrimaryColumn({ name: 'tier_id', type: 'uuid' })
  tierId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => PriceTierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tier_id' })
  tier?: Relation<PriceTierEntity>;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ name: 'unit_price', ...moneyColumn })
  unitPrice: string;
}
