import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { PurchaseOrderLineEntity } from './purchase-order-line.entity';

/** Units of one purchase line received at one instant: what supplier performance reads. */
@Entity({ name: 'purchase_receipts' })
@Check('purchase_receipts_quantity_check', `quantity > 0`)
@Index('purchase_receipts_line_idx', ['purchaseOrderLineId', 'receivedAt'])
export class PurchaseReceiptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'purchase_order_line_id', type: 'uuid' })
  purchaseOrderLineId: string;

  @ManyToOne(() => PurchaseOrderLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'purchase_order_line_id' })
  line?: Relation<PurchaseOrderLineEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;
}
