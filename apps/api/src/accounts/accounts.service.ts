import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Account, Address, Page } from '@tradecounter/contracts';
import {
  AccountOwnership,
  accountScope,
  canEditAccount,
  canReadAccount,
  effectiveAccountId,
  normaliseMoney,
} from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, forbidden, notFound, ProblemException } from '../common/http/problem';
import { UsersService } from '../users/users.service';
import { AccountEntity } from './account.entity';
import { auditableAccount, toAccount } from './account.mapper';
import { AccountFilter, AccountsRepository, OrderingAccount } from './accounts.repository';
import type { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

export type { OrderingAccount };

/**
 * Credit exposure per account (the total of its open, unpaid orders), as
 * decimal strings. Ordering owns orders and supplies it; accounts never read them.
 */
export type CreditExposureSource = (accountIds: string[]) => Promise<Map<string, string>>;

@Injectable()
export class AccountsService {
  private creditExposure: CreditExposureSource = () => Promise.resolve(new Map());

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly changes: ChangeNotices,
  ) {}

  async list(
    actor: AuthUser,
    filter: Omit<AccountFilter, 'scope'>,
    page: PageRequest,
  ): Promise<Page<Account>> {
    const [rows, total] = await this.accounts.list({ ...filter, scope: accountScope(actor) }, page);
    const exposure = await this.creditExposure(rows.map((row) => row.account.id));
    return pageOf(
      rows.map((row) => toAccount(row, exposure.get(row.account.id))),
      total,
      page,
    );
  }

  async get(actor: AuthUser, id: string): Promise<Account> {
    const row = await this.accounts.findRow(id);
    if (!row || !canReadAccount(actor, row.account)) throw notFound('Account');
    const exposure = await this.creditExposure([id]);
    return toAccount(row, exposure.get(id));
  }

  /** Finds an account the actor may read, or answers 404 as if it did not exist. */
  async requireReadable(actor: AuthUser, id: string): Promise<AccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account || !canReadAccount(actor, account)) throw notFound('Account');
    return account;
  }

  /**
   * The account a request acts for: a customer's own, whatever they pass;
   * for staff the one they name (404 unless they may read it), or none.
   */
  /** The id of the account with this code (as integrations name accounts), if one has it. */
  idByCode(code: string): Promise<string | undefined> {
    return this.accounts.idByCode(code);
  }

  async resolveActingAccount(actor: AuthUser, requested: string | undefined): Promise<string | null> {
    const accountId = effectiveAccountId(actor, requested);
    if (accountId && accountId !== actor.accountId) await this.requireReadable(actor, accountId);
    return accountId;
  }

  /** Ordering calls this once at start-up (see CreditExposureSource). */
  provideCreditExposure(source: CreditExposureSource): void {
    this.creditExposure = source;
  }

  /**
   * What ordering needs of an account, with its row locked until the
   * caller's transaction ends: ordering holds it while it checks credit, so
   * concurrent orders of one account are checked one after another and
   * cannot together pass the limit. With `addressId`, that shipping address
   * too, or null when it is not one of the account's. One round trip.
   */
  async lockForOrdering(
    manager: EntityManager,
    id: string,
    addressId?: string,
  ): Promise<{ account: OrderingAccount; address: Address | null } | null> {
    const row = await this.accounts.lockForOrdering(manager, id, addressId ?? null);
    if (!row) return null;
    const { address, ...account } = row;
    return { account, address };
  }

  /**
   * Who looks after each account on a price tier, in the caller's
   * transaction. Pricing reads it after locking the tier row: an account
   * being moved onto the tier meanwhile waits for that lock (its foreign key
   * check takes a key-share lock on the tier), so none slips past the read.
   */
  ownershipOnTier(manager: EntityManager, tierId: string): Promise<AccountOwnership[]> {
    return this.accounts.ownershipOnTier(manager, tierId);
  }

  async create(actor: AuthUser, body: CreateAccountDto): Promise<Account> {
    if (await this.accounts.codeExists(body.code)) {
      throw conflict('An account with this code already exists', [
        { field: 'code', message: 'is already in use' },
      ]);
    }
    // An account manager who opens an account looks after it; only an admin assigns someone else.
    const accountManagerId = actor.role === 'admin' ? (body.accountManagerId ?? null) : actor.id;
    if (accountManagerId) await this.requireAccountManager(accountManagerId);
    const entity = this.accounts.create({
      code: body.code,
      name: body.name.trim(),
      status: body.status ?? 'active',
      priceTierId: body.priceTierId ?? null,
      accountManagerId,
      defaultWarehouseCode: body.defaultWarehouseCode ?? null,
      creditLimit: normaliseMoney(body.creditLimit ?? '0'),
      paymentTerms: body.paymentTerms ?? 'net_30',
      requiresPo: body.requiresPo ?? false,
    });
    const saved = await this.dataSource.transaction(async (tx) => {
      const account = await this.accounts.save(tx, entity).catch(unknownReference);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'account',
        entityId: account.id,
        accountId: account.id,
        action: 'create',
        before: null,
        after: auditableAccount(account),
      });
      return account;
    });
    return this.get(actor, saved.id);
  }

  /**
   * Changes an account under a row lock. With `If-Match` the change is
   * refused (412) when someone else changed the account since it was read.
   */
  async update(actor: AuthUser, id: string, body: UpdateAccountDto, ifMatch?: string): Promise<Account> {
    if (body.accountManagerId !== undefined && actor.role !== 'admin') {
      throw forbidden('Only an admin assigns account managers');
    }
    if (body.accountManagerId) await this.requireAccountManager(body.accountManagerId);
    await this.dataSource.transaction(async (tx) => {
      const account = await this.accounts.lockForUpdate(tx, id);
      if (!account || !canReadAccount(actor, account)) throw notFound('Account');
      if (!canEditAccount(actor, account)) throw forbidden('You may not change this account');
      if (ifMatch !== undefined && ifMatch !== etagOf(account)) {
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'The account was changed by someone else; reload it and try again',
        );
      }
      const before = auditableAccount(account);
      applyChanges(account, body);
      const saved = await this.accounts.save(tx, account).catch(unknownReference);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'account',
        entityId: id,
        accountId: id,
        action: 'update',
        before,
        after: auditableAccount(saved),
      });
      await this.changes.changed(tx, 'account', id);
    });
    return this.get(actor, id);
  }

  async etag(actor: AuthUser, id: string): Promise<string> {
    return etagOf(await this.requireReadable(actor, id));
  }

  private async requireAccountManager(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || user.role !== 'account_manager' || !user.active) {
      throw badRequest('accountManagerId must name an active account manager', [
        { field: 'accountManagerId', message: 'is not an active account manager' },
      ]);
    }
  }
}

const PRICE_TIER_FK = 'FK_d1b46cd2eb45c08f292f414762d';
const DEFAULT_WAREHOUSE_FK = 'FK_6bda0709ddfaa12fc7ae3a7458b';

export function etagOf(account: AccountEntity): string {
  return `"${account.version}"`;
}

function applyChanges(account: AccountEntity, body: UpdateAccountDto): void {
  if (body.name !== undefined) account.name = body.name.trim();
  if (body.status !== undefined) account.status = body.status;
  if (body.priceTierId !== undefined) account.priceTierId = body.priceTierId;
  if (body.accountManagerId !== undefined) account.accountManagerId = body.accountManagerId;
  if (body.defaultWarehouseCode !== undefined) account.defaultWarehouseCode = body.defaultWarehouseCode;
  if (body.creditLimit !== undefined) account.creditLimit = normaliseMoney(body.creditLimit);
  if (body.paymentTerms !== undefined) account.paymentTerms = body.paymentTerms;
  if (body.requiresPo !== undefined) account.requiresPo = body.requiresPo;
}

/**
 * Tiers live in the pricing context and warehouses in availability; their
 * foreign keys tell us when an account names one that does not exist.
 */
function unknownReference(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23503' && driverError.constraint === PRICE_TIER_FK) {
    throw badRequest('priceTierId must name an existing price tier', [
      { field: 'priceTierId', message: 'is not a known price tier' },
    ]);
  }
  if (driverError?.code === '23503' && driverError.constraint === DEFAULT_WAREHOUSE_FK) {
    throw badRequest('defaultWarehouseCode must name an existing warehouse', [
      { field: 'defaultWarehouseCode', message: 'is not a known warehouse' },
    ]);
  }
  throw error;
}
