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
import { AccountEntity } from './account.entity';

@Entity({ name: 'addresses' })
@Index('addresses_account_idx', ['accountId'])
export class AddressEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  line1: string;

  @Column({ type: 'text', nullable: true })
  line2: string | null;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column({ type: 'text' })
  postcode: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'text' })
  country: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
