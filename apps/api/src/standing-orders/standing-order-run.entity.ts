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
  Unique,
} from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import type { StandingOrderRunLineChange, StandingOrderRunStatus } from '@tradecounter/contracts';
import { OrderEntity } from '../orders/order.entity';
import { StandingOrderEntity } from './standing-order.entity';

/**
 * What happened on one scheduled date. The unique (standing order, run date)
 * is the exactly-once key: whichever process records a date first wins, and
 * the order it placed carries the same key as its external reference.
 */
@Entity({ name: 'standing_order_runs' })
@Unique('standing_order_runs_key', ['standingOrderId', 'runDate'])
@Index('standing_order_runs_order_idx', ['orderId'])
@Check('standing_order_runs_status_check', `status IN ('placed', 'failed', 'missed')`)
export class StandingOrderRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'standing_order_id', type: 'uuid' })
  standingOrderId: string;

  @ManyToOne(() => StandingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standing_order_id' })
  standingOrder?: Relation<StandingOrderEntity>;

  @Column({ name: 'run_date', type: 'date' })
  runDate: string;

  @Column({ type: 'text' })
  status: Exclude<StandingOrderRunStatus, 'skipped'>;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ name: 'dropped_lines', type: 'jsonb', default: () => `'[]'` })
  droppedLines: StandingOrderRunLineChange[];

  @Column({ name: 'capped_lines', type: 'jsonb', default: () => `'[]'` })
  cappedLines: StandingOrderRunLineChange[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
