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
import { AccountEntity } from '../accounts/account.entity';
import { ReturnEntity } from './return.entity';

/** A photo of returned goods, kept in PostgreSQL like product images; the bytes are selected only when served. */
@Entity({ name: 'return_photos' })
@Check('return_photos_size_check', `byte_size > 0`)
@Index('return_photos_return_idx', ['returnId'])
export class ReturnPhotoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @ManyToOne(() => ReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  productReturn?: Relation<ReturnEntity>;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The parent's account, on the row so it can be distributed by account (docs/scaling.md). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;
}
