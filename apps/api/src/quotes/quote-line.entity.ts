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
import { AccountEntity } from '../accounts/account.entity';
import type { PromiseSplit } from '@tradecounter/contracts';
import { ProductEntity } from '../catalog/product.entity';
import { moneyColumn } from '../database/columns';
import { QuoteRevisionEntity } from './quote-revision.entity';

/**
 * One product of one quote revision: the quantity asked for, the quoted
 * unit price (null until quoted), and the list price, the account's normal
 * price and the promise as they were when the revision was asked for or quoted.
 */
@Entity({ name: 'quote_lines' })
@Check('quote_lines_quantity_check', `quantity > 0`)
@Check('quote_lines_price_check', `unit_price IS NULL OR unit_price >= 0`)
@Index('quote_lines_revision_idx', ['revisionId', 'lineNo'], { unique: true })
export class QuoteLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'revision_id', type: 'uuid' })
  revisionId: string;

  @ManyToOne(() => QuoteRevisionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: Relation<QuoteRevisionEntity>;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'unit_price', ...moneyColumn, nullable: true })
  unitPrice: string | null;

  @Column({ name: 'list_price', ...moneyColumn })
  listPrice: string;

  @Column({ name: 'normal_price', ...moneyColumn })
  normalPrice: string;

  @Column({ name: 'line_total', ...moneyColumn, nullable: true })
  lineTotal: string | null;

  @Column({ type: 'jsonb', nullable: true })
  promise: { splits: PromiseSplit[] } | null;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
