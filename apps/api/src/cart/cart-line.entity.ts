import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { ProductEntity } from '../catalog/product.entity';
import { CartEntity } from './cart.entity';

/** One product in a cart: one line per product, so adding it again adds to the line. */
@Entity({ name: 'cart_lines' })
@Check('cart_lines_quantity_check', `quantity > 0`)
export class CartLineEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => CartEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  cart?: Relation<CartEntity>;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
