import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** Someone we buy from. `lead_time_days` are business days of the receiving warehouse. */
@Entity({ name: 'suppliers' })
@Check('suppliers_lead_time_check', `lead_time_days >= 0`)
@Check('suppliers_code_check', `code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'`)
export class SupplierEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'lead_time_days', type: 'integer' })
  leadTimeDays: number;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
