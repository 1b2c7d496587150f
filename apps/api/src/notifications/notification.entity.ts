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
import { QuoteEntity } from '../quotes/quote.entity';
import { ReturnEntity } from '../returns/return.entity';
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

  /** The sales quote it is about (quote kinds). */
  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quote_id' })
  quote?: Relation<QuoteEntity>;
  /** The standing order it is about (previews and runs), else null. */
  @Column({ name: 'standing_order_id', type: 'uuid', nullable: true })
  standingOrderId: string | null;

  @ManyToOne(() => StandingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standing_order_id' })
  standingOrder?: Relation<StandingOrderEntity>;

  /** The return (RMA) it is about (return kinds), else null. */
  @Column({ name: 'return_id', type: 'uuid', nullable: true })
  returnId: string | null;

  @ManyToOne(() => ReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  productReturn?: Relation<ReturnEntity>;

  /** The order event it came from. */
  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
