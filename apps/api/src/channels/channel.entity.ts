import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * An integration: another system that places orders (an ERP, an EDI
 * gateway, a marketplace). Its name is the channel its orders record. Its
 * API key is shown once; only the key's SHA-256 is kept, found by the key's
 * short public prefix. A revoked integration's key no longer works. Its key
 * orders only for the accounts in channel_accounts, or for every account
 * when `all_accounts` (an admin's explicit choice); inline ship-to
 * addresses only with `allow_addresses`. With `data_sync` its key may also
 * upsert the admin's data (products, prices, accounts, stock, suppliers)
 * through /api/sync, acting for the admin who created it.
 */
@Entity({ name: 'channels' })
@Check(
  'channels_name_check',
  `name ~ '^[a-z0-9][a-z0-9_-]{1,39}$' AND name NOT IN ('portal', 'phone', 'api', 'csv', 'standing')`,
)
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ name: 'key_prefix', type: 'text', unique: true })
  keyPrefix: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'all_accounts', type: 'boolean', default: false })
  allAccounts: boolean;

  @Column({ name: 'allow_addresses', type: 'boolean', default: false })
  allowAddresses: boolean;

  @Column({ name: 'data_sync', type: 'boolean', default: false })
  dataSync: boolean;
}
