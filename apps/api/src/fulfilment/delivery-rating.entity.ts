import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { OrderEntity } from '../orders/order.entity';
import { UserEntity } from '../users/user.entity';

/** The buyer's verdict on a delivered order: one per order, never changed. */
@Entity({ name: 'delivery_ratings' })
@Check('delivery_ratings_score_check', `score BETWEEN 1 AND 5`)
export class DeliveryRatingEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @OneToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'rated_by', type: 'uuid', nullable: true })
  ratedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rated_by' })
  rater?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'rated_at', type: 'timestamptz' })
  ratedAt: Date;
}
