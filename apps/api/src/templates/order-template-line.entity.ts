import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { ProductEntity } from '../catalog/product.entity';
import { OrderTemplateEntity } from './order-template.entity';

/** One product of a template, in the template's order; one line per product. */
@Entity({ name: 'order_template_lines' })
@Check('order_template_lines_quantity_check', `quantity > 0`)
@Index('order_template_lines_product_idx', ['templateId', 'productId'], { unique: true })
export class OrderTemplateLineEntity {
  @PrimaryColumn({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @ManyToOne(() => OrderTemplateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template?: Relation<OrderTemplateEntity>;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
