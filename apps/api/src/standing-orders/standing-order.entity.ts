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
import { AddressEntity } from '../accounts/address.entity';
import { UserEntity } from '../users/user.entity';

/**
 * An order that places itself on a schedule. `next_run_date` is the one
 * scheduled date the runner has still to handle (computed by the domain's
 * schedule rules whenever the standing order or its runs change); the
 * runner claims rows whose date has come, so the due query reads one index.
 */
@Entity({ name: 'standing_orders' })
@Index('standing_orders_account_idx', ['accountId', 'createdAt'])
@Index('standing_orders_due_idx', ['nextRunDate'], { where: 'next_run_date IS NOT NULL' })
@Check('standing_orders_status_check', `status IN ('active', 'paused')`)
@Check(
  'standing_orders_schedule_check',
  `(schedule_every = 'week' AND schedule_interval BETWEEN 1 AND 52 AND schedule_weekday BETWEEN 1 AND 7 AND schedule_day_of_month IS NULL AND NOT schedule_last_day)` +
    ` OR (schedule_every = 'month' AND schedule_interval BETWEEN 1 AND 12 AND schedule_weekday IS NULL AND ((schedule_day_of_month BETWEEN 1 AND 28 AND NOT schedule_last_day) OR (schedule_day_of_month IS NULL AND schedule_last_day)))`,
)
@Check('standing_orders_dates_check', `end_date IS NULL OR end_date >= start_date`)
export class StandingOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  status: 'active' | 'paused';

  @Column({ name: 'shipping_address_id', type: 'uuid' })
  shippingAddressId: string;

  @ManyToOne(() => AddressEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shipping_address_id' })
  shippingAddress?: Relation<AddressEntity>;

  @Column({ name: 'po_pattern', type: 'text', nullable: true })
  poPattern: string | null;

  @Column({ name: 'schedule_every', type: 'text' })
  scheduleEvery: 'week' | 'month';

  @Column({ name: 'schedule_interval', type: 'smallint' })
  scheduleInterval: number;

  @Column({ name: 'schedule_weekday', type: 'smallint', nullable: true })
  scheduleWeekday: number | null;

  @Column({ name: 'schedule_day_of_month', type: 'smallint', nullable: true })
  scheduleDayOfMonth: number | null;

  @Column({ name: 'schedule_last_day', type: 'boolean', default: false })
  scheduleLastDay: boolean;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'resume_on', type: 'date', nullable: true })
  resumeOn: string | null;

  @Column({ name: 'next_run_date', type: 'date', nullable: true })
  nextRunDate: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
