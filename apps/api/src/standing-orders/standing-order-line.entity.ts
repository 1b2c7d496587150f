import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { ProductEntity } from '../catalog/product.entity';
import { StandingOrderEntity } from './standing-order.entity';

/** One product a standing order asks for on every run; one line per product. */
@Entity({ name: 'standing_order_lines' })
@Index('standing_order_lines_product_idx', ['productId'])
@Check('standing_order_lines_quantity_check', `quantity > 0`)
export class StandingOrderLineEntity {
  @PrimaryColumn({ name: 'standing_order_id', type: 'uuid' })
  standingOrderId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => StandingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standing_order_id' })
  standingOrder?: Relation<StandingOrderEntity>;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ type: 'integer' })
  quantity: number;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
