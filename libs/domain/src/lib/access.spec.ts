import {
  accountScope,
  Actor,
  canEditAccount,
  canEditPriceTier,
  canManageAccountUsers,
  canReadAccount,
  effectiveAccountId,
} from './access';

const acme = { id: 'acme', accountManagerId: 'am-1' };
const globex = { id: 'globex', accountManagerId: 'am-2' };
const actor = (role: Actor['role'], id = 'u', accountId: string | null = null): Actor => ({
  id,
  role,
  accountId,
});

describe('account access', () => {
  it('confines customer users to their own account', () => {
    const buyer = actor('buyer', 'b', 'acme');
    expect(canReadAccount(buyer, acme)).toBe(true);
    expect(canReadAccount(buyer, globex)).toBe(false);
    expect(canEditAccount(buyer, acme)).toBe(false);
    expect(effectiveAccountId(buyer, 'globex')).toBe('acme');
    expect(accountScope(buyer)).toEqual({ kind: 'account', accountId: 'acme' });
  });

  it('lets account managers see and edit only the accounts assigned to them', () => {
    const am = actor('account_manager', 'am-1');
    expect(canReadAccount(am, acme)).toBe(true);
    expect(canReadAccount(am, globex)).toBe(false);
    expect(canEditAccount(am, acme)).toBe(true);
    expect(canEditAccount(am, globex)).toBe(false);
    expect(accountScope(am)).toEqual({ kind: 'managedBy', accountManagerId: 'am-1' });
  });

  it('lets managers read everything but edit nothing', () => {
    const manager = actor('manager');
    expect(canReadAccount(manager, globex)).toBe(true);
    expect(canEditAccount(manager, globex)).toBe(false);
    expect(effectiveAccountId(manager, 'globex')).toBe('globex');
  });

  it('lets approvers manage users of their own account only', () => {
    const approver = actor('approver', 'a', 'acme');
    expect(canManageAccountUsers(approver, acme)).toBe(true);
    expect(canManageAccountUsers(approver, globex)).toBe(false);
    expect(canManageAccountUsers(actor('buyer', 'b', 'acme'), acme)).toBe(false);
    expect(canManageAccountUsers(actor('admin'), globex)).toBe(true);
  });

  it('lets an account manager change a tier only when every account on it is theirs', () => {
    const am = actor('account_manager', 'am-1');
    const unmanaged = { id: 'initech', accountManagerId: null };
    expect(canEditPriceTier(am, [])).toBe(true); // a tier no one is on yet
    expect(canEditPriceTier(am, [acme])).toBe(true);
    expect(canEditPriceTier(am, [acme, globex])).toBe(false);
    expect(canEditPriceTier(am, [acme, unmanaged])).toBe(false);
    expect(canEditPriceTier(actor('admin'), [acme, globex, unmanaged])).toBe(true);
    expect(canEditPriceTier(actor('manager'), [])).toBe(false);
    expect(canEditPriceTier(actor('buyer', 'b', 'acme'), [])).toBe(false);
  });
});
