import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that happened, waiting to be handed on (webhooks,
 * notifications). Written by a trigger in the same transaction as its
 * order event, so it exists exactly when the change committed.
 */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['availableAt', 'id'], { where: 'dispatched_at IS NULL' })
@Index('outbox_dispatched_idx', ['dispatchedAt'], { where: 'dispatched_at IS NOT NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** `order.<event kind>`: `order.placed`, `order.approved`, `order.shipment` … */
  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'aggregate_id', type: 'uuid' })
  aggregateId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Not before: a row that failed to dispatch waits a little before the next try. */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
