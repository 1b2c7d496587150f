import {
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
import { moneyColumn } from '../database/columns';
import { UserEntity } from '../users/user.entity';
import { QuoteEntity } from './quote.entity';

/**
 * One revision of a quote: revision 1 is the request; each quoting after a
 * priced revision writes the next. A revision once quoted never changes.
 */
@Entity({ name: 'quote_revisions' })
@Index('quote_revisions_quote_idx', ['quoteId', 'revision'], { unique: true })
export class QuoteRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'quote_id', type: 'uuid' })
  quoteId: string;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quote_id' })
  quote?: Relation<QuoteEntity>;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'quoted_at', type: 'timestamptz', nullable: true })
  quotedAt: Date | null;

  @Column({ name: 'quoted_by', type: 'uuid', nullable: true })
  quotedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'quoted_by' })
  quoter?: Relation<UserEntity>;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ ...moneyColumn, nullable: true })
  subtotal: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
