/** ASVS 5.0 V6.2: length is what counts; no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why a new password is refused, or undefined when it is acceptable: from
 * 12 to 128 characters (code points, so an emoji is one) and not a common
 * password. `isCommon` receives the password in lower case.
 */
export function passwordProblem(
  password: string,
  isCommon: (lowerCase: string) => boolean,
): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (isCommon(password.toLowerCase())) return 'is a commonly used password; choose another';
  return undefined;
}
