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
} from 'typeorm';
import type { WaveStatus } from '@tradecounter/contracts';
import { WarehouseEntity } from '../availability/warehouse.entity';
import { UserEntity } from '../users/user.entity';

/** One pick list across several orders of a warehouse; numbered `W-000001` from wave_number_seq. */
@Entity({ name: 'waves' })
@Check('waves_status_check', `status IN ('open', 'closed')`)
@Index('waves_warehouse_idx', ['warehouseCode', 'status', 'createdAt'])
export class WaveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'warehouse_code', type: 'text' })
  warehouseCode: string;

  @ManyToOne(() => WarehouseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'warehouse_code' })
  warehouse?: Relation<WarehouseEntity>;

  @Column({ type: 'text', default: 'open' })
  status: WaveStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
