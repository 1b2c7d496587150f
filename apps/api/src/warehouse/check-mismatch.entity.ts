import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { OrderEntity } from '../orders/order.entity';
import { UserEntity } from '../users/user.entity';

/** A scan the check step refused: what was scanned, how many, and why. Append-only. */
@Entity({ name: 'check_mismatches' })
@Index('check_mismatches_order_idx', ['orderId', 'at'])
export class CheckMismatchEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
