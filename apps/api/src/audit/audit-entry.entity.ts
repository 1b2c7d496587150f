import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change to one entity: who, when, before and after. Append-only. */
@Entity({ name: 'audit_entries' })
@Index('audit_entries_entity_idx', ['entity', 'entityId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  entity: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  /** The account the entity belongs to, so account managers see their accounts' history. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'text' })
  action: 'create' | 'update' | 'delete';

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  /** The import (or other bulk change) this entry was written by: one change set, browsable whole. */
  @Index('audit_entries_change_set_idx', { where: 'change_set_id IS NOT NULL' })
  @Column({ name: 'change_set_id', type: 'uuid', nullable: true })
  changeSetId: string | null;
}
