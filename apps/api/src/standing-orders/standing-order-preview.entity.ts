import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
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
}
