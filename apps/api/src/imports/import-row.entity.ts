import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { FieldError } from '@tradecounter/contracts';
import { ImportRunEntity } from './import-run.entity';

/** One data row of an import's file: its cells and what the dry run planned for it. */
@Entity({ name: 'import_rows' })
export class ImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  @ManyToOne(() => ImportRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  run?: ImportRunEntity;

  @PrimaryColumn({ type: 'integer' })
  row: number;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb' })
  errors: FieldError[];

  @Column({ type: 'jsonb' })
  values: Record<string, string>;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, string> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, string> | null;
}
