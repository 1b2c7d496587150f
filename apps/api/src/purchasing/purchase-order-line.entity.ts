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
import { InboundEntity } from '../availability/inbound.entity';
import { WarehouseEntity } from '../availability/warehouse.entity';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';
import { PurchaseOrderEntity } from './purchase-order.entity';

/**
 * One product bought for one warehouse. `received` and `closed` only grow;
 * quantity − received − closed (at least 0) is still expected, and while the
 * order is sent that open quantity is the inbound row `inbound_id` names.
 * `expected_date` is null on drafts that leave it to the supplier's lead time.
 */
@Entity({ name: 'purchase_order_lines' })
@Check('purchase_order_lines_quantity_check', `quantity > 0`)
@Check('purchase_order_lines_units_check', `received >= 0 AND closed >= 0`)
@Check('purchase_order_lines_cost_check', `unit_cost >= 0`)
@Index('purchase_order_lines_order_idx', ['purchaseOrderId', 'lineNo'], { unique: true })
@Index('purchase_order_lines_product_idx', ['productId', 'warehouseCode'])
@Index('purchase_order_lines_inbound_idx', ['inboundId'])
export class PurchaseOrderLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'purchase_order_id', type: 'uuid' })
  purchaseOrderId: string;

  @ManyToOne(() => PurchaseOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'purchase_order_id' })
  purchaseOrder?: Relation<PurchaseOrderEntity>;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

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
  quantity: number;

  @Column({ type: 'integer', default: 0 })
  received: number;

  @Column({ type: 'integer', default: 0 })
  closed: number;

  @Column({ name: 'unit_cost', ...moneyColumn })
  unitCost: string;

  @Column({ name: 'expected_date', type: 'date', nullable: true })
  expectedDate: string | null;

  /** The open inbound row this line feeds while sent. */
  @Column({ name: 'inbound_id', type: 'uuid', nullable: true })
  inboundId: string | null;

  @ManyToOne(() => InboundEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'inbound_id' })
  inbound?: Relation<InboundEntity>;
}
