import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/**
 * Whether a (lower-case) password is among the ~49,000 most common ones, from
 * the list zxcvbn-ts maintains (already lower case). Loaded on first use:
 * only setting a password needs it.
 */
export function isCommonPassword(lowerCase: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  return common.has(lowerCase);
}
