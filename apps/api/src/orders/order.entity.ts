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
import type { OrderChannel, OrderStatus } from '@tradecounter/contracts';
import { AccountEntity } from '../accounts/account.entity';
import { AddressEntity } from '../accounts/address.entity';
import { WarehouseEntity } from '../availability/warehouse.entity';
import { moneyColumn } from '../database/columns';
import { QuoteEntity } from '../quotes/quote.entity';
import { UserEntity } from '../users/user.entity';

/** The shipping address as it was when the order was placed; later edits never rewrite it. */
export interface AddressSnapshot {
  /** Null for an address an integration sent with the order, not from the account's book. */
  id: string | null;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string;
  country: string;
}

/**
 * A placed order. Its number comes from `order_number_seq`; its prices and
 * address are fixed at placement. The indexes serve the lists and reports
 * (by account and date, by status, by date) and the credit check, which
 * sums the open, unpaid orders of one account.
 */
@Entity({ name: 'orders' })
@Check(
  'orders_status_check',
  `status IN ('pending_approval', 'on_hold', 'confirmed', 'picking', 'packed', 'partially_shipped', 'shipped', 'delivered', 'cancelled', 'rejected')`,
)
@Check('orders_subtotal_check', `subtotal >= 0`)
@Index('orders_account_placed_idx', ['accountId', 'placedAt'])
@Index('orders_status_idx', ['status', 'placedAt'])
@Index('orders_placed_idx', ['placedAt'])
@Index('orders_external_ref_idx', ['channel', 'externalRef'], {
  unique: true,
  where: 'external_ref IS NOT NULL',
})
/** One quote becomes at most one order, whatever runs at once. */
@Index('orders_quote_idx', ['quoteId'], { unique: true, where: 'quote_id IS NOT NULL' })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `SO-000123`, from order_number_seq. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ name: 'placed_by', type: 'uuid', nullable: true })
  placedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'placed_by' })
  placer?: Relation<UserEntity>;

  @Column({ type: 'text' })
  channel: OrderChannel;

  /** The channel's own reference (integrations); unique per channel. */
  @Column({ name: 'external_ref', type: 'text', nullable: true })
  externalRef: string | null;

  @Column({ type: 'text' })
  status: OrderStatus;

  @Column({ name: 'po_number', type: 'text', nullable: true })
  poNumber: string | null;

  @Column({ name: 'shipping_address_id', type: 'uuid', nullable: true })
  shippingAddressId: string | null;

  @ManyToOne(() => AddressEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'shipping_address_id' })
  shippingAddressRow?: Relation<AddressEntity>;

  @Column({ name: 'shipping_address', type: 'jsonb' })
  shippingAddress: AddressSnapshot;

  @Column({ name: 'requested_delivery_date', type: 'date', nullable: true })
  requestedDeliveryDate: string | null;

  @Column({ name: 'ship_complete', type: 'boolean' })
  shipComplete: boolean;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'warehouse_code', type: 'text' })
  warehouseCode: string;

  @ManyToOne(() => WarehouseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'warehouse_code' })
  warehouse?: Relation<WarehouseEntity>;

  @Column({ ...moneyColumn })
  subtotal: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt: Date;

  /** The sales quote the order was accepted from. */
  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @ManyToOne(() => QuoteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quote_id' })
  quote?: Relation<QuoteEntity>;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
