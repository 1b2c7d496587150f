import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A customer user's cart: one per user, for their account. Its row is what
 * every change to the cart locks first, so changes to one cart (and an
 * order placed from it) happen one at a time and no line is ever lost.
 */
@Entity({ name: 'carts' })
export class CartEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Bumped by every change to the cart's lines. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
