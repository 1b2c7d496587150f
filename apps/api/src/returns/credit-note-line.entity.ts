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
import { moneyColumn } from '../database/columns';
import { CreditNoteEntity } from './credit-note.entity';
import { ReturnLineEntity } from './return-line.entity';

/** One return line's credited units on a credit note: gross at the price paid, less the fee. */
@Entity({ name: 'credit_note_lines' })
@Check('credit_note_lines_quantity_check', `quantity > 0`)
@Check('credit_note_lines_total_check', `total >= 0 AND total = gross - fee`)
@Index('credit_note_lines_note_idx', ['creditNoteId'])
@Index('credit_note_lines_return_line_idx', ['returnLineId'])
export class CreditNoteLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'credit_note_id', type: 'uuid' })
  creditNoteId: string;

  @ManyToOne(() => CreditNoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credit_note_id' })
  creditNote?: Relation<CreditNoteEntity>;

  @Column({ name: 'return_line_id', type: 'uuid' })
  returnLineId: string;

  @ManyToOne(() => ReturnLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_line_id' })
  returnLine?: Relation<ReturnLineEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'unit_price', ...moneyColumn })
  unitPrice: string;

  @Column({ ...moneyColumn })
  gross: string;

  @Column({ name: 'fee_percent', type: 'numeric', precision: 5, scale: 2 })
  feePercent: string;

  @Column({ ...moneyColumn })
  fee: string;

  @Column({ ...moneyColumn })
  total: string;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
