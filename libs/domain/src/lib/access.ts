/**
 * Who may see which customer account. Pure rules over plain data, used by
 * every API context so that tenancy lives in one place.
 */
export type ActorRole = 'buyer' | 'approver' | 'account_manager' | 'warehouse' | 'manager' | 'admin';

export interface Actor {
  id: string;
  role: ActorRole;
  /** Set for customer users (buyer, approver); null for staff. */
  accountId: string | null;
}

export interface AccountOwnership {
  id: string;
  accountManagerId: string | null;
}

export function isCustomerActor(actor: Actor): boolean {
  return actor.role === 'buyer' || actor.role === 'approver';
}

/** Read access to one account's data (orders, addresses, users, prices). */
export function canReadAccount(actor: Actor, account: AccountOwnership): boolean {
  switch (actor.role) {
    case 'buyer':
    case 'approver':
      return actor.accountId === account.id;
    case 'account_manager':
      return account.accountManagerId === actor.id;
    case 'warehouse':
    case 'manager':
    case 'admin':
      return true;
  }
}

/** Changing an account itself (status, credit limit, terms, tier, manager). */
export function canEditAccount(actor: Actor, account: AccountOwnership): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'account_manager' && account.accountManagerId === actor.id;
}

/**
 * Changing a price tier (its name, discount, breaks or fixed prices) changes
 * the prices of every account on it, so an account manager may do it only
 * when each of those accounts is theirs. A tier no account is on yet (a new
 * one) harms no one's customers: any account manager may shape it.
 */
export function canEditPriceTier(actor: Actor, accountsOnTier: readonly AccountOwnership[]): boolean {
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'account_manager' && accountsOnTier.every((account) => canEditAccount(actor, account))
  );
}

/** Managing an account's buyers and approvers. */
export function canManageAccountUsers(actor: Actor, account: AccountOwnership): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'approver' && actor.accountId === account.id;
}

/** Adding shipping addresses: the account's own users and the staff who look after it. */
export function canAddAddress(actor: Actor, account: AccountOwnership): boolean {
  if (isCustomerActor(actor)) return actor.accountId === account.id;
  return canEditAccount(actor, account);
}

/**
 * The account a request acts for. A customer user always acts for their own
 * account, whatever they pass; staff act for the account they name, if any.
 */
export function effectiveAccountId(actor: Actor, requested: string | undefined | null): string | null {
  if (isCustomerActor(actor)) return actor.accountId;
  return requested ?? null;
}

/**
 * What the account list of an actor is limited to: one account for
 * customer users, the managed accounts for account managers, nothing for others.
 */
export type AccountScope =
  { kind: 'all' } | { kind: 'account'; accountId: string } | { kind: 'managedBy'; accountManagerId: string };

export function accountScope(actor: Actor): AccountScope {
  if (isCustomerActor(actor)) {
    if (!actor.accountId) throw new Error('A customer user must belong to an account');
    return { kind: 'account', accountId: actor.accountId };
  }
  if (actor.role === 'account_manager') return { kind: 'managedBy', accountManagerId: actor.id };
  return { kind: 'all' };
}
