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
} from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import type { Role } from '@tradecounter/contracts';
import { moneyColumn } from '../database/columns';

@Entity({ name: 'users' })
@Check(
  'users_role_check',
  `role IN ('buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin')`,
)
@Check('users_customer_account_check', `(role IN ('buyer', 'approver')) = (account_id IS NOT NULL)`)
@Check('users_order_limit_check', `order_limit IS NULL OR order_limit >= 0`)
@Index('users_account_idx', ['accountId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'order_limit', ...moneyColumn, nullable: true })
  orderLimit: string | null;

  /** Bumped on deactivation or password change; tokens carry it and die with it. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
