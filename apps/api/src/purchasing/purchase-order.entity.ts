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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { PurchaseOrderStatus } from '@tradecounter/contracts';
import { UserEntity } from '../users/user.entity';
import { SupplierEntity } from './supplier.entity';

/**
 * A purchase order to one supplier. `PO-000001` numbers come from
 * `purchase_order_number_seq`. Drafts are never supply; once sent, each
 * line's open units are an inbound row promises read.
 */
@Entity({ name: 'purchase_orders' })
@Check(
  'purchase_orders_status_check',
  `status IN ('draft', 'sent', 'partially_received', 'received', 'cancelled', 'closed')`,
)
@Check('purchase_orders_sent_check', `(status = 'draft') = (sent_at IS NULL) OR status = 'cancelled'`)
@Index('purchase_orders_supplier_idx', ['supplierCode', 'createdAt'])
@Index('purchase_orders_status_idx', ['status', 'createdAt'])
export class PurchaseOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `PO-000123`, from purchase_order_number_seq. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'supplier_code', type: 'text' })
  supplierCode: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_code' })
  supplier?: Relation<SupplierEntity>;

  @Column({ type: 'text' })
  status: PurchaseOrderStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
