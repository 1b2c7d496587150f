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
import type { ReturnCondition } from '@tradecounter/contracts';
import { ReturnLineEntity } from './return-line.entity';
import { ReturnReceiptEntity } from './return-receipt.entity';

/** Units of one return line in one receipt, and what the warehouse did with them. */
@Entity({ name: 'return_receipt_lines' })
@Check('return_receipt_lines_quantity_check', `quantity > 0`)
@Check('return_receipt_lines_condition_check', `condition IN ('restock', 'scrap')`)
@Index('return_receipt_lines_receipt_idx', ['receiptId'])
@Index('return_receipt_lines_line_idx', ['returnLineId'])
export class ReturnReceiptLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'receipt_id', type: 'uuid' })
  receiptId: string;

  @ManyToOne(() => ReturnReceiptEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'receipt_id' })
  receipt?: Relation<ReturnReceiptEntity>;

  @Column({ name: 'return_line_id', type: 'uuid' })
  returnLineId: string;

  @ManyToOne(() => ReturnLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_line_id' })
  returnLine?: Relation<ReturnLineEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'text' })
  condition: ReturnCondition;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
