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
import { AccountEntity } from '../accounts/account.entity';
import type { ReturnReason, ReturnResolution } from '@tradecounter/contracts';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';
import { OrderEntity } from '../orders/order.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { ReturnEntity } from './return.entity';

/**
 * One order line's units asked back. The counters only grow: every received
 * unit was restocked or scrapped, and only received units are credited.
 * `unit_price` is the price paid, copied from the order line; `fee_percent`
 * the reason's fee when the return was asked (0 once waived).
 */
@Entity({ name: 'return_lines' })
@Check('return_lines_quantity_check', `quantity > 0`)
@Check('return_lines_reason_check', `reason IN ('damaged', 'defective', 'wrong_item', 'not_needed', 'other')`)
@Check('return_lines_resolution_check', `resolution IN ('credit', 'replace')`)
@Check(
  'return_lines_units_check',
  `received = restocked + scrapped AND received <= quantity AND credited <= received AND restocked >= 0 AND scrapped >= 0 AND credited >= 0`,
)
@Index('return_lines_order_line_idx', ['orderLineId'])
@Index('return_lines_return_idx', ['returnId', 'lineNo'], { unique: true })
export class ReturnLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  productReturn?: Relation<ReturnEntity>;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: Relation<OrderLineEntity>;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'text' })
  reason: ReturnReason;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', default: 'credit' })
  resolution: ReturnResolution;

  @Column({ name: 'unit_price', ...moneyColumn })
  unitPrice: string;

  @Column({ name: 'fee_percent', type: 'numeric', precision: 5, scale: 2, default: 0 })
  feePercent: string;

  @Column({ type: 'integer', default: 0 })
  received: number;

  @Column({ type: 'integer', default: 0 })
  restocked: number;

  @Column({ type: 'integer', default: 0 })
  scrapped: number;

  @Column({ type: 'integer', default: 0 })
  credited: number;

  @Column({ name: 'replacement_order_id', type: 'uuid', nullable: true })
  replacementOrderId: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'replacement_order_id' })
  replacementOrder?: Relation<OrderEntity>;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
