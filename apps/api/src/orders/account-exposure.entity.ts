import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { moneyColumn } from '../database/columns';

/**
 * An account's credit exposure (domain.md: the total of its orders neither
 * cancelled, rejected nor paid), kept as a running total so placing an
 * order reads one row, not every open order of the account. Placement adds
 * to it under the account's lock in the statement that writes the order;
 * every transition that stops an order counting takes it off, under the
 * order's lock. A test recomputes it from the orders after concurrent work.
 */
@Entity({ name: 'account_exposure' })
@Check('account_exposure_check', `exposure >= 0`)
export class AccountExposureEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @OneToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ ...moneyColumn, default: 0 })
  exposure: string;
}
