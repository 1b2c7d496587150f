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
import { AccountEntity } from '../accounts/account.entity';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';

/** An account's negotiated price for a product over a validity window (validTo empty: open-ended). */
@Entity({ name: 'contract_prices' })
@Index('contract_prices_lookup_idx', ['accountId', 'productId', 'validFrom'], { unique: true })
@Check('contract_prices_price_check', `unit_price >= 0`)
@Check('contract_prices_window_check', `valid_to IS NULL OR valid_to >= valid_from`)
export class ContractPriceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ name: 'unit_price', ...moneyColumn })
  unitPrice: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
