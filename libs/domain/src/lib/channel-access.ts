/**
 * Which customer accounts an integration (a channel with an API key) may
 * order for. A channel names its accounts, or an admin opens it to every
 * account on purpose; a channel that names none may order for nobody, so a
 * leaked key is worth no more than the accounts it was made for.
 */
export interface ChannelBinding {
  allAccounts: boolean;
  accountIds: readonly string[];
}

export function channelMayActFor(binding: ChannelBinding, accountId: string): boolean {
  return binding.allAccounts || binding.accountIds.includes(accountId);
}

/**
 * Why a binding cannot be kept, or null: "all accounts" and a list of
 * accounts exclude each other, so what an admin saw is what the key can do.
 */
export function channelBindingProblem(binding: ChannelBinding): string | null {
  if (binding.allAccounts && binding.accountIds.length > 0) {
    return 'Choose either all accounts or a list of accounts, not both';
  }
  if (new Set(binding.accountIds).size !== binding.accountIds.length) return 'An account is named twice';
  return null;
}
