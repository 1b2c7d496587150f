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
} from 'typeorm';
import { OrderLineEntity } from '../orders/order-line.entity';
import { UserEntity } from '../users/user.entity';
import { WaveEntity } from './wave.entity';

/** Units a picker did not find in the bin, with the reason. Append-only. */
@Entity({ name: 'short_picks' })
@Check('short_picks_quantity_check', `quantity > 0`)
@Index('short_picks_wave_idx', ['waveId'])
@Index('short_picks_line_idx', ['orderLineId'])
export class ShortPickEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'wave_id', type: 'uuid' })
  waveId: string;

  @ManyToOne(() => WaveEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wave_id' })
  wave?: Relation<WaveEntity>;

  @Column({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: Relation<OrderLineEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
