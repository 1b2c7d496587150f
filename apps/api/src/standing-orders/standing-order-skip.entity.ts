import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { StandingOrderEntity } from './standing-order.entity';

/** A scheduled date a standing order will not run on. */
@Entity({ name: 'standing_order_skips' })
export class StandingOrderSkipEntity {
  @PrimaryColumn({ name: 'standing_order_id', type: 'uuid' })
  standingOrderId: string;

  @PrimaryColumn({ name: 'run_date', type: 'date' })
  runDate: string;

  @ManyToOne(() => StandingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standing_order_id' })
  standingOrder?: Relation<StandingOrderEntity>;

  @Column({ name: 'skipped_by', type: 'uuid', nullable: true })
  skippedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
