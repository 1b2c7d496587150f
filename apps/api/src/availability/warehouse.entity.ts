import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A warehouse and the settings its promises are computed with. */
@Entity({ name: 'warehouses' })
@Check('warehouses_cutoff_time_check', `cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('warehouses_days_check', `handling_days >= 0 AND transit_days >= 0`)
/** At most one default warehouse: a partial unique index over the flag where it is set. */
@Index('warehouses_one_default', ['isDefault'], { unique: true, where: 'is_default' })
export class WarehouseEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** IANA zone; validated by the API (Intl), since PostgreSQL's zone list may differ from Node's. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  /** `HH:MM` local time. */
  @Column({ name: 'cutoff_time', type: 'text' })
  cutoffTime: string;

  @Column({ name: 'handling_days', type: 'integer' })
  handlingDays: number;

  @Column({ name: 'transit_days', type: 'integer' })
  transitDays: number;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  /** Bumped by every change: the ETag. */
  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
