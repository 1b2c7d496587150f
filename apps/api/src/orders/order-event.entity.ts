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
import type { OrderStatus } from '@tradecounter/contracts';
import { UserEntity } from '../users/user.entity';
import { OrderEntity } from './order.entity';

/** Something that happened to an order: who, when, from which status to which, and why. Append-only. */
@Entity({ name: 'order_events' })
@Index('order_events_order_idx', ['orderId', 'at'])
export class OrderEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  /** `placed`, `approved`, `cancelled`, `paid`, `repromised`, … */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: OrderStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: OrderStatus | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;
}
