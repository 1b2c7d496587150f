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
import type { SalesQuoteStatus } from '@tradecounter/contracts';
import { UserEntity } from '../users/user.entity';
import { QuoteEntity } from './quote.entity';

/** A quote's change of status: who, when, from which to which, and why. Append-only. */
@Entity({ name: 'quote_events' })
@Index('quote_events_quote_idx', ['quoteId', 'at'])
export class QuoteEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'quote_id', type: 'uuid' })
  quoteId: string;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quote_id' })
  quote?: Relation<QuoteEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** Null for the clock (expiry) or a removed user. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  /** `requested`, `quoted`, `revised`, `changes_requested`, `accepted`, `declined`, `withdrawn`, `expired`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: SalesQuoteStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: SalesQuoteStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'integer' })
  revision: number;

  /** For `accepted`: the order it became. */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
