import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { PriceTierEntity } from './price-tier.entity';

/** A volume break of a tier: tier-wide (no product) or for one product. */
@Entity({ name: 'tier_breaks' })
/** One break per tier, scope (product or tier-wide) and minQty; declared in the migration (NULLS NOT DISTINCT). */
@Index('tier_breaks_scope_unique', { synchronize: false })
@Check('tier_breaks_min_qty_check', `min_qty >= 1`)
@Check('tier_breaks_discount_check', `discount_percent >= 0 AND discount_percent <= 100`)
export class TierBreakEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tier_id', type: 'uuid' })
  tierId: string;

  @ManyToOne(() => PriceTierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tier_id' })
  tier?: Relation<PriceTierEntity>;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ name: 'min_qty', type: 'integer' })
  minQty: number;

  @Column({ name: 'discount_percent', type: 'numeric', precision: 5, scale: 2 })
  discountPercent: string;
}
