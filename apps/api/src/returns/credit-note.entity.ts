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
import { moneyColumn } from '../database/columns';
import { OrderEntity } from '../orders/order.entity';
import { UserEntity } from '../users/user.entity';
import { ReturnEntity } from './return.entity';

/** Money owed back for one receipt of a return's `credit` units. `CN-000001` from `credit_note_number_seq`. */
@Entity({ name: 'credit_notes' })
@Check('credit_notes_total_check', `total >= 0 AND total = subtotal - fee`)
@Index('credit_notes_account_idx', ['accountId', 'issuedAt'])
@Index('credit_notes_return_idx', ['returnId'])
export class CreditNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  productReturn?: Relation<ReturnEntity>;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column({ ...moneyColumn })
  subtotal: string;

  @Column({ ...moneyColumn })
  fee: string;

  @Column({ ...moneyColumn })
  total: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;
}
