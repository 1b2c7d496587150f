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
import type { ReturnStatus } from '@tradecounter/contracts';
import { AccountEntity } from '../accounts/account.entity';
import { OrderEntity } from '../orders/order.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A return (RMA) of delivered lines of one order. `RMA-000001` numbers come
 * from `return_number_seq`. Asked by a customer user (`requested`) or opened
 * by staff (starts `approved`).
 */
@Entity({ name: 'returns' })
@Check('returns_status_check', `status IN ('requested', 'approved', 'rejected', 'received', 'credited')`)
@Check('returns_opened_by_check', `opened_by IN ('customer', 'staff')`)
@Index('returns_account_idx', ['accountId', 'createdAt'])
@Index('returns_status_idx', ['status', 'createdAt'])
@Index('returns_order_idx', ['orderId'])
export class ReturnEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'text' })
  status: ReturnStatus;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy: 'customer' | 'staff';

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: Relation<UserEntity>;

  @Column({ name: 'fee_waived', type: 'boolean', default: false })
  feeWaived: boolean;

  @Column({ name: 'fee_waived_reason', type: 'text', nullable: true })
  feeWaivedReason: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
