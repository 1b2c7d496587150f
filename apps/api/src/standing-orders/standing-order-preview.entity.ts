import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { StandingOrderEntity } from './standing-order.entity';

/** A run date whose preview was sent: once per run date, whichever process gets there first. */
@Entity({ name: 'standing_order_previews' })
export class StandingOrderPreviewEntity {
  @PrimaryColumn({ name: 'standing_order_id', type: 'uuid' })
  standingOrderId: string;

  @PrimaryColumn({ name: 'run_date', type: 'date' })
  runDate: string;

  @ManyToOne(() => StandingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standing_order_id' })
  standingOrder?: Relation<StandingOrderEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
