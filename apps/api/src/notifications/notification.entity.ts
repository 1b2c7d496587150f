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
import type { NotificationKind } from '@tradecounter/contracts';
import { OrderEntity } from '../orders/order.entity';
import { StandingOrderEntity } from '../standing-orders/standing-order.entity';
import { UserEntity } from '../users/user.entity';

/** Something one user should know about an order, shown in the portal's bell. */
@Entity({ name: 'notifications' })
@Index('notifications_user_idx', ['userId', 'createdAt'])
@Index('notifications_unread_idx', ['userId'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  /** The standing order it is about (previews and runs), else null. */
  @Column({ name: 'standing_order_id', type: 'uuid', nullable: true })
  standingOrderId: string | null;

  @ManyToOne(() => StandingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standing_order_id' })
  standingOrder?: Relation<StandingOrderEntity>;

  /** The order event it came from. */
  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
