import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { AccountOwnership, AccountScope } from '@tradecounter/domain';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { AccountSortField, AccountStatus, Address, SortDirection } from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import { applySortOrder, sortOrder, type SortSpec } from '../common/http/sort';
import { AccountEntity } from './account.entity';
import { AddressEntity } from './address.entity';
import { prepared } from '../database/prepared-statements';

export interface AccountFilter {
  scope: AccountScope;
  search?: string;
  status?: AccountStatus;
  accountManagerId?: string;
  sort?: AccountSortField;
  dir?: SortDirection;
}

const ACCOUNT_SORT: SortSpec<AccountSortField> = {
  columns: { code: 'a.code', name: 'a.name', status: 'a.status', creditLimit: 'a.creditLimit' },
  tieBreaker: 'a.id',
  defaultField: 'name',
  defaultDirection: 'asc',
};

/** An account with its manager's name, as lists and details show it. */
export interface AccountRow {
  account: AccountEntity;
  accountManagerName: string | null;
}

/** What placing an order reads of the account it is for. */
export interface OrderingAccount {
  id: string;
  code: string;
  name: string;
  status: AccountStatus;
  creditLimit: string;
  requiresPo: boolean;
  defaultWarehouseCode: string | null;
  accountManagerId: string | null;
}

const LOCK_FOR_ORDERING_SQL = prepared(
  'accounts_lock_for_ordering',
  `
SELECT a.id, a.code, a.name, a.status, a.credit_limit::text AS "creditLimit", a.requires_po AS "requiresPo",
       a.default_warehouse_code AS "defaultWarehouseCode", a.account_manager_id AS "accountManagerId",
       (SELECT json_build_object('id', d.id, 'accountId', d.account_id, 'label', d.label, 'line1', d.line1,
                                 'line2', d.line2, 'city', d.city, 'region', d.region, 'postcode', d.postcode,
                                 'country', d.country)
          FROM addresses d WHERE d.id = $2 AND d.account_id = a.id) AS address
  FROM accounts a WHERE a.id = $1 FOR UPDATE`,
);

@Injectable()
export class AccountsRepository {
  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(AddressEntity) private readonly addresses: Repository<AddressEntity>,
  ) {}

  findById(id: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ id });
  }

  async idByCode(code: string): Promise<string | undefined> {
    return (await this.accounts.findOne({ where: { code }, select: { id: true } }))?.id;
  }

  async findRow(id: string): Promise<AccountRow | undefined> {
    const [row] = await this.withManagerName(
      this.accounts.createQueryBuilder('a').where('a.id = :id', { id }),
    );
    return row;
  }

  async list(filter: AccountFilter, page: PageRequest): Promise<[AccountRow[], number]> {
    const query = this.accounts.createQueryBuilder('a');
    applyScope(query, filter.scope);
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.accountManagerId)
      query.andWhere('a.account_manager_id = :am', { am: filter.accountManagerId });
    for (const [index, term] of searchTerms(filter.search).entries()) {
      query.andWhere(`lower(a.code || ' ' || a.name) LIKE :term${index}`, {
        [`term${index}`]: `%${escapeLikePattern(term)}%`,
      });
    }
    const total = await query.getCount();
    applySortOrder(query, sortOrder(ACCOUNT_SORT, filter));
    query.offset(page.offset).limit(page.pageSize);
    return [await this.withManagerName(query), total];
  }

  lockForUpdate(manager: EntityManager, id: string): Promise<AccountEntity | null> {
    return manager
      .getRepository(AccountEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, account: AccountEntity): Promise<AccountEntity> {
    return manager.getRepository(AccountEntity).save(account);
  }

  create(fields: Partial<AccountEntity>): AccountEntity {
    return this.accounts.create(fields);
  }

  codeExists(code: string): Promise<boolean> {
    return this.accounts.existsBy({ code });
  }

  listAddresses(accountId: string): Promise<AddressEntity[]> {
    return this.addresses.find({ where: { accountId }, order: { label: 'ASC', createdAt: 'ASC' } });
  }

  async lockForOrdering(
    manager: EntityManager,
    id: string,
    addressId: string | null,
  ): Promise<(OrderingAccount & { address: Address | null }) | undefined> {
    const rows = (await manager.query(LOCK_FOR_ORDERING_SQL, [id, addressId])) as (OrderingAccount & {
      address: Address | null;
    })[];
    return rows[0];
  }

  /** Who looks after each account on the tier, read in the caller's transaction. */
  ownershipOnTier(manager: EntityManager, tierId: string): Promise<AccountOwnership[]> {
    return manager.getRepository(AccountEntity).find({
      where: { priceTierId: tierId },
      select: { id: true, accountManagerId: true },
    });
  }

  saveAddress(manager: EntityManager, address: Partial<AddressEntity>): Promise<AddressEntity> {
    return manager.getRepository(AddressEntity).save(manager.getRepository(AddressEntity).create(address));
  }

  private async withManagerName(query: SelectQueryBuilder<AccountEntity>): Promise<AccountRow[]> {
    query.leftJoin('a.accountManager', 'am').addSelect('am.name', 'am_name');
    const { entities, raw } = await query.getRawAndEntities();
    return entities.map((account, index) => ({
      account,
      accountManagerName: (raw[index] as { am_name: string | null }).am_name,
    }));
  }
}

function applyScope(query: SelectQueryBuilder<AccountEntity>, scope: AccountScope): void {
  switch (scope.kind) {
    case 'account':
      query.andWhere('a.id = :scopeAccountId', { scopeAccountId: scope.accountId });
      break;
    case 'managedBy':
      query.andWhere('a.account_manager_id = :scopeManagerId', { scopeManagerId: scope.accountManagerId });
      break;
    case 'all':
      break;
  }
}
