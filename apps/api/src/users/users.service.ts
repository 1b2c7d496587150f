import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CUSTOMER_ROLES,
  INTERNAL_ROLES,
  Page,
  Role,
  SortDirection,
  UserSortField,
} from '@tradecounter/contracts';
import { normaliseMoney } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { InvitationsService } from './invitations.service';
import { NO_PASSWORD, PasswordService } from './password.service';
import { ChangeNotices, EVERYTHING } from '../common/change-notices';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { conflict, notFound } from '../common/http/problem';
import { UserCache } from './user-cache';
import { UserEntity } from './user.entity';
import { auditableUser } from './user.mapper';
import { UsersRepository } from './users.repository';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Absent: the user is invited to set one by e-mail (and cannot sign in until then). */
  password?: string;
  accountId: string | null;
  orderLimit?: string | null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  password?: string;
  active?: boolean;
  orderLimit?: string | null;
}

/** Identity: every user, customer or staff, and the rules for changing one. */
@Injectable()
export class UsersService {
  private readonly authCache = new UserCache();

  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly changes: ChangeNotices,
  ) {
    changes.on('user', (id) => (id === EVERYTHING ? this.authCache.clear() : this.authCache.evict(id)));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** The user behind a bearer token, briefly cached (see UserCache). */
  async findForAuthentication(id: string): Promise<UserEntity | null> {
    return (await this.authCache.getOrLoad(id, () => this.users.findById(id))) ?? null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email);
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return this.users.findByIds(ids);
  }

  countAll(): Promise<number> {
    return this.users.countAll();
  }

  async listInternal(
    query: { search?: string; role?: Role; sort?: UserSortField; dir?: SortDirection },
    page: PageRequest,
  ): Promise<Page<UserEntity>> {
    const { search, role, sort, dir } = query;
    const roles = role ? [role] : INTERNAL_ROLES;
    const [items, total] = await this.users.list({ roles, search, sort, dir }, page);
    return pageOf(items, total, page);
  }

  listForAccount(accountId: string): Promise<UserEntity[]> {
    return this.users.listForAccount(accountId);
  }

  async create(actor: AuthUser | null, fields: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const email = fields.email.trim().toLowerCase();
    if (await this.users.findByEmail(email))
      throw conflict('A user with this email already exists', [
        { field: 'email', message: 'is already in use' },
      ]);
    const entity = this.users.create({
      email,
      name: fields.name.trim(),
      role: fields.role,
      accountId: fields.accountId,
      passwordHash: fields.password === undefined ? NO_PASSWORD : await this.passwords.hash(fields.password),
      orderLimit: fields.orderLimit == null ? null : normaliseMoney(fields.orderLimit),
      active: true,
    });
    return this.inTransaction(manager, async (tx) => {
      const saved = await this.users.save(entity, tx);
      const invited = fields.password === undefined;
      if (invited) await this.invitations.invite(tx, [saved.id], actor?.id ?? null);
      await this.audit.record(tx, {
        actorId: actor?.id ?? null,
        entity: 'user',
        entityId: saved.id,
        accountId: saved.accountId,
        action: 'create',
        before: null,
        after: invited ? { ...auditableUser(saved), invited: true } : auditableUser(saved),
      });
      return saved;
    });
  }

  /**
   * Changes a user. A new password or a deactivation bumps the token
   * version, which revokes every token issued before.
   */
  async update(
    actor: AuthUser,
    id: string,
    changes: UserChanges,
    allowedRoles: readonly Role[],
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || !allowedRoles.includes(user.role)) throw notFound('User');
      const before = auditableUser(user);
      if (changes.role !== undefined) {
        if (!allowedRoles.includes(changes.role))
          throw conflict(`A ${user.role} cannot become a ${changes.role}`);
        user.role = changes.role;
      }
      if (changes.name !== undefined) user.name = changes.name.trim();
      if (changes.orderLimit !== undefined) {
        user.orderLimit = changes.orderLimit === null ? null : normaliseMoney(changes.orderLimit);
      }
      let revoke = false;
      if (changes.active !== undefined && changes.active !== user.active) {
        if (!changes.active && user.id === actor.id) throw conflict('You cannot deactivate yourself');
        user.active = changes.active;
        revoke ||= !changes.active;
      }
      if (changes.password !== undefined) {
        user.passwordHash = await this.passwords.hash(changes.password);
        await this.invitations.withdraw(tx, id);
        revoke = true;
      }
      if (revoke) user.tokenVersion += 1;
      const saved = await this.users.save(user, tx);
      await this.changes.changed(tx, 'user', id);
      const after = auditableUser(saved);
      if (changes.password !== undefined) after['passwordChanged'] = true;
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'user',
        entityId: id,
        accountId: saved.accountId,
        action: 'update',
        before,
        after,
      });
      return saved;
    });
  }

  /** Used by the auth flow when a user changes their own password. */
  async changeOwnPassword(actor: AuthUser, newPassword: string): Promise<void> {
    const roles = actor.accountId ? CUSTOMER_ROLES : INTERNAL_ROLES;
    await this.update(actor, actor.id, { password: newPassword }, roles);
  }

  private inTransaction<T>(
    manager: EntityManager | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}
