import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { InboundStatus } from '@tradecounter/contracts';
import { ProductEntity } from '../catalog/product.entity';
import { PurchaseOrderLineEntity } from '../purchasing/purchase-order-line.entity';
import { WarehouseEntity } from './warehouse.entity';

/**
 * An expected purchase receipt. `allocated` counts the units already promised
 * to order lines (the ordering context keeps the per-line split in its own
 * table); receiving turns those into reserved stock.
 */
@Entity({ name: 'inbound' })
@Check('inbound_qty_check', `qty > 0 AND allocated >= 0 AND allocated <= qty`)
@Check('inbound_status_check', `status IN ('expected', 'received', 'cancelled')`)
@Check('inbound_received_check', `(status = 'received') = (received_at IS NOT NULL)`)
/** What promises read: open receipts of a product at a warehouse, by date. */
@Index('inbound_open_idx', ['productId', 'warehouseCode', 'expectedDate'], { where: `status = 'expected'` })
@Index('inbound_list_idx', ['warehouseCode', 'expectedDate'])
@Index('inbound_purchase_line_idx', ['purchaseOrderLineId'])
export class InboundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ name: 'warehouse_code', type: 'text' })
  warehouseCode: string;

  @ManyToOne(() => WarehouseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'warehouse_code' })
  warehouse?: Relation<WarehouseEntity>;

  @Column({ type: 'integer' })
  qty: number;

  @Column({ type: 'integer', default: 0 })
  allocated: number;

  @Column({ name: 'expected_date', type: 'date' })
  expectedDate: string;

  @Column({ type: 'text', default: 'expected' })
  status: InboundStatus;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  /** The purchase order line whose open units this row is (null for receipts entered by hand). */
  @Column({ name: 'purchase_order_line_id', type: 'uuid', nullable: true })
  purchaseOrderLineId: string | null;

  @ManyToOne(() => PurchaseOrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'purchase_order_line_id' })
  purchaseOrderLine?: Relation<PurchaseOrderLineEntity>;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
