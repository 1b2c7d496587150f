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
import type { PriceSource, PromiseSplit } from '@tradecounter/contracts';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';
import { OrderEntity } from './order.entity';

/**
 * One product on an order, with its price and promise as placed. What holds
 * its units: `reserved_qty` from stock, `allocated_qty` from inbound receipts
 * (the per-receipt split is in order_line_allocations, this is its sum), and
 * `backordered_qty` from the supplier. Receiving a receipt moves its
 * allocation into `reserved_qty`.
 */
@Entity({ name: 'order_lines' })
@Check('order_lines_quantity_check', `quantity > 0`)
@Check(
  'order_lines_units_check',
  `reserved_qty >= 0 AND allocated_qty >= 0 AND backordered_qty >= 0 AND shipped_qty >= 0 AND shipped_qty <= quantity`,
)
@Check(
  'order_lines_price_source_check',
  `price_source IN ('contract', 'tier_fixed', 'tier_discount', 'list', 'quote', 'replacement')`,
)
@Index('order_lines_order_idx', ['orderId', 'lineNo'], { unique: true })
@Index('order_lines_product_idx', ['productId'])
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'unit_price', ...moneyColumn })
  unitPrice: string;

  /** The product's list price when the order was placed (what the customer saved against). */
  @Column({ name: 'list_price', ...moneyColumn })
  listPrice: string;

  /** Where the unit price came from (`quote`: a line accepted from a sales quote); null for lines placed before it was kept. */
  @Column({ name: 'price_source', type: 'text', nullable: true })
  priceSource: PriceSource | null;

  @Column({ name: 'line_total', ...moneyColumn })
  lineTotal: string;

  /** `{ splits: [...] }` as promised at placement (or last re-promised). */
  @Column({ type: 'jsonb' })
  promise: { splits: PromiseSplit[] };

  @Column({ name: 'requested_date', type: 'date', nullable: true })
  requestedDate: string | null;

  @Column({ name: 'first_promised_date', type: 'date' })
  firstPromisedDate: string;

  @Column({ name: 'current_promised_date', type: 'date' })
  currentPromisedDate: string;

  @Column({ name: 'reserved_qty', type: 'integer', default: 0 })
  reservedQty: number;

  /** Units stock covered when the order was placed (line fill rate); never changes. */
  @Column({ name: 'reserved_at_placement', type: 'integer' })
  reservedAtPlacement: number;

  @Column({ name: 'allocated_qty', type: 'integer', default: 0 })
  allocatedQty: number;

  @Column({ name: 'backordered_qty', type: 'integer', default: 0 })
  backorderedQty: number;

  @Column({ name: 'shipped_qty', type: 'integer', default: 0 })
  shippedQty: number;
}
