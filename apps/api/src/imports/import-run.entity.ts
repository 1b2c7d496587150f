import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ImportFormat, ImportKind, ImportStatus } from '@tradecounter/contracts';
import { UserEntity } from '../users/user.entity';

/**
 * One import (its dry run and, once committed, its change set), kept in the
 * database so any API process can answer about it while another runs it.
 */
@Entity({ name: 'import_runs' })
@Check(
  'import_runs_status_check',
  `status IN ('validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')`,
)
@Index('import_runs_created_idx', ['createdAt'])
export class ImportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ImportKind;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  format: ImportFormat;

  /** The file's header, in its order: the errors file repeats it. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  columns: string[];

  @Column({ type: 'text' })
  status: ImportStatus;

  /** Rows read and checked (or written, while committing). */
  @Column({ type: 'integer', default: 0 })
  done: number;

  /** Rows in the file; null until it has been counted. */
  @Column({ type: 'integer', nullable: true })
  total: number | null;

  @Column({ name: 'create_count', type: 'integer', default: 0 })
  createCount: number;

  @Column({ name: 'update_count', type: 'integer', default: 0 })
  updateCount: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  @Column({ type: 'text', nullable: true })
  failure: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ name: 'cancel_requested', type: 'boolean', default: false })
  cancelRequested: boolean;

  /** Touched by the running job after every chunk: a run left running with an old heartbeat has lost its process. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' })
  heartbeatAt: Date;
}
