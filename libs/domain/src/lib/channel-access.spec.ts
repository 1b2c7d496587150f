import { channelBindingProblem, channelMayActFor } from './channel-access';

describe('channel access', () => {
  it('lets a channel order only for the accounts it names', () => {
    const bound = { allAccounts: false, accountIds: ['acme'] };
    expect(channelMayActFor(bound, 'acme')).toBe(true);
    expect(channelMayActFor(bound, 'globex')).toBe(false);
  });

  it('lets a channel bound to no account order for nobody, and an all-accounts channel for anyone', () => {
    expect(channelMayActFor({ allAccounts: false, accountIds: [] }, 'acme')).toBe(false);
    expect(channelMayActFor({ allAccounts: true, accountIds: [] }, 'globex')).toBe(true);
  });

  it('refuses a binding that says both "all" and a list, or names an account twice', () => {
    expect(channelBindingProblem({ allAccounts: true, accountIds: ['acme'] })).toMatch(/either/);
    expect(channelBindingProblem({ allAccounts: false, accountIds: ['acme', 'acme'] })).toMatch(/twice/);
    expect(channelBindingProblem({ allAccounts: true, accountIds: [] })).toBeNull();
    expect(channelBindingProblem({ allAccounts: false, accountIds: [] })).toBeNull();
    expect(channelBindingProblem({ allAccounts: false, accountIds: ['acme', 'globex'] })).toBeNull();
  });
});
