import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountUser, Address, CUSTOMER_ROLES } from '@tradecounter/contracts';
import { canAddAddress, canManageAccountUsers } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { forbidden, notFound } from '../common/http/problem';
import { toAccountUser } from '../users/user.mapper';
import { InvitationsService } from '../users/invitations.service';
import { UsersService } from '../users/users.service';
import { toAddress } from './account.mapper';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import type { CreateAccountUserDto, UpdateAccountUserDto } from './dto/account-user.dto';
import type { CreateAddressDto } from './dto/address.dto';

/** What belongs to an account: its shipping addresses and its buyers and approvers. */
@Injectable()
export class AccountMembersService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly repository: AccountsRepository,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async listAddresses(actor: AuthUser, accountId: string): Promise<Address[]> {
    await this.accounts.requireReadable(actor, accountId);
    return (await this.repository.listAddresses(accountId)).map(toAddress);
  }

  async addAddress(actor: AuthUser, accountId: string, body: CreateAddressDto): Promise<Address> {
    const account = await this.accounts.requireReadable(actor, accountId);
    if (!canAddAddress(actor, account)) throw forbidden('You may not add addresses to this account');
    return this.dataSource.transaction(async (tx) => {
      const saved = await this.repository.saveAddress(tx, {
        ...body,
        line2: body.line2 ?? null,
        region: body.region ?? null,
        accountId,
      });
      const address = toAddress(saved);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'address',
        entityId: saved.id,
        accountId,
        action: 'create',
        before: null,
        after: { ...address },
      });
      return address;
    });
  }

  async listUsers(actor: AuthUser, accountId: string): Promise<AccountUser[]> {
    const account = await this.accounts.requireReadable(actor, accountId);
    if (actor.role === 'buyer' || actor.role === 'warehouse') throw forbidden();
    return (await this.users.listForAccount(account.id)).map(toAccountUser);
  }

  async addUser(actor: AuthUser, accountId: string, body: CreateAccountUserDto): Promise<AccountUser> {
    const account = await this.accounts.requireReadable(actor, accountId);
    if (!canManageAccountUsers(actor, account)) throw forbidden('You may not manage users of this account');
    return toAccountUser(await this.users.create(actor, { ...body, accountId }));
  }

  /** Sends a user who has not set a password a new invitation (the old link stops working). */
  async inviteUser(actor: AuthUser, accountId: string, userId: string): Promise<void> {
    const account = await this.accounts.requireReadable(actor, accountId);
    if (!canManageAccountUsers(actor, account)) throw forbidden('You may not manage users of this account');
    const user = await this.users.findById(userId);
    if (!user || user.accountId !== account.id) throw notFound('User');
    await this.invitations.resend(actor, user);
  }

  async updateUser(
    actor: AuthUser,
    accountId: string,
    userId: string,
    body: UpdateAccountUserDto,
  ): Promise<AccountUser> {
    const account = await this.accounts.requireReadable(actor, accountId);
    if (!canManageAccountUsers(actor, account)) throw forbidden('You may not manage users of this account');
    const user = await this.users.findById(userId);
    if (!user || user.accountId !== account.id) throw notFound('User');
    return toAccountUser(await this.users.update(actor, userId, body, CUSTOMER_ROLES));
  }
}
