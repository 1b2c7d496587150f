import type { AccountUser, InternalUser, User } from '@tradecounter/contracts';
import { hasPassword } from './password.service';
import type { UserEntity } from './user.entity';

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    role: entity.role,
    accountId: entity.accountId,
  };
}

export function toAccountUser(entity: UserEntity): AccountUser {
  return {
    ...toUser(entity),
    accountId: entity.accountId ?? '',
    role: entity.role as AccountUser['role'],
    active: entity.active,
    orderLimit: entity.orderLimit,
    invited: !hasPassword(entity.passwordHash),
  };
}

export function toInternalUser(entity: UserEntity): InternalUser {
  return {
    ...toUser(entity),
    accountId: null,
    role: entity.role as InternalUser['role'],
    active: entity.active,
  };
}

/** What the audit trail keeps of a user: never the password hash. */
export function auditableUser(entity: UserEntity): Record<string, unknown> {
  return {
    email: entity.email,
    name: entity.name,
    role: entity.role,
    accountId: entity.accountId,
    active: entity.active,
    orderLimit: entity.orderLimit,
  };
}
