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
import { OrderEntity } from '../orders/order.entity';
import { UserEntity } from '../users/user.entity';

/** A parcel of an order's units that left the warehouse with a carrier; delivered once the carrier says so. */
@Entity({ name: 'shipments' })
@Check('shipments_delivered_check', `delivered_at IS NULL OR delivered_at >= shipped_at`)
@Index('shipments_order_idx', ['orderId', 'shippedAt'])
export class ShipmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ type: 'text' })
  carrier: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber: string;

  @CreateDateColumn({ name: 'shipped_at', type: 'timestamptz' })
  shippedAt: Date;

  @Column({ name: 'shipped_by', type: 'uuid', nullable: true })
  shippedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'shipped_by' })
  shipper?: Relation<UserEntity>;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
