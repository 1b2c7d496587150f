import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { WarehouseEntity } from './warehouse.entity';

/**
 * Units of a product at a warehouse: on hand, and how many of those are
 * reserved for placed orders. The check is the last line of defence against
 * overselling; every write also guards it in its own statement.
 */
@Entity({ name: 'stock' })
@Check('stock_reserved_check', `reserved >= 0 AND reserved <= on_hand`)
@Index('stock_warehouse_idx', ['warehouseCode', 'productId'])
export class StockEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @PrimaryColumn({ name: 'warehouse_code', type: 'text' })
  warehouseCode: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @ManyToOne(() => WarehouseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'warehouse_code' })
  warehouse?: Relation<WarehouseEntity>;

  @Column({ name: 'on_hand', type: 'integer', default: 0 })
  onHand: number;

  @Column({ type: 'integer', default: 0 })
  reserved: number;

  /** Where pickers find the product at this warehouse (aisle-bay-level, e.g. `A-03-2`). */
  @Column({ name: 'bin_location', type: 'text', nullable: true })
  binLocation: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
