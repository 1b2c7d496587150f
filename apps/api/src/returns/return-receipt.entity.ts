import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { UserEntity } from '../users/user.entity';
import { CreditNoteEntity } from './credit-note.entity';
import { ReturnEntity } from './return.entity';

/** One delivery of returned goods at the warehouse: the history behind the lines' counters. */
@Entity({ name: 'return_receipts' })
@Index('return_receipts_return_idx', ['returnId', 'receivedAt'])
export class ReturnReceiptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  productReturn?: Relation<ReturnEntity>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  /** The credit note this receipt issued, if any credit units came in. */
  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true })
  creditNoteId: string | null;

  @ManyToOne(() => CreditNoteEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'credit_note_id' })
  creditNote?: Relation<CreditNoteEntity>;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
