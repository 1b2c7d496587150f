import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';
import { SupplierEntity } from './supplier.entity';

/**
 * A product's purchasing facts: its primary supplier, what it costs, the
 * supplier's pack. Null safety/review days mean the domain's defaults.
 */
@Entity({ name: 'product_supply' })
@Check('product_supply_pack_check', `pack_size > 0`)
@Check('product_supply_cost_check', `unit_cost >= 0`)
@Check(
  'product_supply_days_check',
  `(safety_days IS NULL OR safety_days >= 0) AND (review_days IS NULL OR review_days >= 0)`,
)
@Index('product_supply_supplier_idx', ['supplierCode'])
export class ProductSupplyEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @OneToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ name: 'supplier_code', type: 'text' })
  supplierCode: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_code' })
  supplier?: Relation<SupplierEntity>;

  @Column({ name: 'supplier_sku', type: 'text' })
  supplierSku: string;

  @Column({ name: 'unit_cost', ...moneyColumn })
  unitCost: string;

  @Column({ name: 'pack_size', type: 'integer' })
  packSize: number;

  @Column({ name: 'safety_days', type: 'integer', nullable: true })
  safetyDays: number | null;

  @Column({ name: 'review_days', type: 'integer', nullable: true })
  reviewDays: number | null;
}
