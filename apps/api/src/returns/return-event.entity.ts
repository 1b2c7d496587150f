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
import type { ReturnStatus } from '@tradecounter/contracts';
import { UserEntity } from '../users/user.entity';
import { ReturnEntity } from './return.entity';

/** Something that happened to a return: who, when, what, why. Append-only. */
@Entity({ name: 'return_events' })
@Index('return_events_return_idx', ['returnId', 'at'])
export class ReturnEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  productReturn?: Relation<ReturnEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  /** `requested`, `opened`, `approved`, `rejected`, `received`, `closed`, `credited`, `credit_note`, `replacement_placed`, `photo_added`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ReturnStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: ReturnStatus | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
