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
} from 'typeorm';
import type { SalesQuoteStatus } from '@tradecounter/contracts';
import { AccountEntity } from '../accounts/account.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A sales quote: what an account asked for, and where it stands. Its number
 * comes from `quote_number_seq`; its lines and prices live per revision
 * (quote_revisions, quote_lines); `revision` is the latest. A request made
 * with an Idempotency-Key keeps the key and the request's hash, so a double
 * submit finds the first request.
 */
@Entity({ name: 'quotes' })
@Check(
  'quotes_status_check',
  `status IN ('requested', 'quoted', 'accepted', 'declined', 'withdrawn', 'expired')`,
)
@Check('quotes_revision_check', `revision >= 1`)
@Index('quotes_account_created_idx', ['accountId', 'createdAt'])
@Index('quotes_status_valid_idx', ['status', 'validUntil'])
@Index('quotes_idempotency_idx', ['createdBy', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `Q-000123`, from quote_number_seq. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'text' })
  status: SalesQuoteStatus;

  /** The latest revision. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** The latest quoting's last valid day (deployment time zone); null until quoted. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'requested_date', type: 'date', nullable: true })
  requestedDate: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash: string | null;

  /** The validUntil the buyer was told is near (sent once per date). */
  @Column({ name: 'expiry_notice_for', type: 'date', nullable: true })
  expiryNoticeFor: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
