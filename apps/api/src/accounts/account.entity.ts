import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  Relation,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AccountStatus, PaymentTerms } from '@tradecounter/contracts';
import { moneyColumn } from '../database/columns';
import { WarehouseEntity } from '../availability/warehouse.entity';
import { PriceTierEntity } from '../pricing/price-tier.entity';
import { UserEntity } from '../users/user.entity';

@Entity({ name: 'accounts' })
@Check('accounts_status_check', `status IN ('active', 'on_hold', 'closed')`)
@Check('accounts_credit_limit_check', `credit_limit >= 0`)
@Check('accounts_payment_terms_check', `payment_terms IN ('prepaid', 'net_15', 'net_30', 'net_45', 'net_60')`)
@Index('accounts_manager_idx', ['accountManagerId'])
@Index('accounts_search_trgm', { synchronize: false })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'active' })
  status: AccountStatus;

  @Column({ name: 'price_tier_id', type: 'uuid', nullable: true })
  priceTierId: string | null;

  @ManyToOne(() => PriceTierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'price_tier_id' })
  priceTier?: Relation<PriceTierEntity>;

  @Column({ name: 'account_manager_id', type: 'uuid', nullable: true })
  accountManagerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_manager_id' })
  accountManager?: Relation<UserEntity>;

  @Column({ name: 'default_warehouse_code', type: 'text', nullable: true })
  defaultWarehouseCode: string | null;

  @ManyToOne(() => WarehouseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'default_warehouse_code', referencedColumnName: 'code' })
  defaultWarehouse?: Relation<WarehouseEntity>;

  @Column({ name: 'credit_limit', ...moneyColumn, default: 0 })
  creditLimit: string;

  @Column({ name: 'payment_terms', type: 'text', default: 'net_30' })
  paymentTerms: PaymentTerms;

  @Column({ name: 'requires_po', type: 'boolean', default: false })
  requiresPo: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
