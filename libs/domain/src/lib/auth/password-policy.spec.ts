import { passwordProblem } from './password-policy';

const common = new Set(['password1234', 'qwertyuiopas']);
const isCommon = (lowerCase: string) => common.has(lowerCase);

describe('password policy', () => {
  it('accepts 12 to 128 characters of anything, without composition rules', () => {
    expect(passwordProblem('aaaa bbbb cc', isCommon)).toBeUndefined();
    expect(passwordProblem('x'.repeat(128), isCommon)).toBeUndefined();
    expect(passwordProblem('zürich-öl-🦊🦊', isCommon)).toBeUndefined();
  });

  it('refuses fewer than 12 and more than 128 characters, counting code points', () => {
    expect(passwordProblem('elevenchars', isCommon)).toBe('must be at least 12 characters');
    expect(passwordProblem('🦊'.repeat(11), isCommon)).toBe('must be at least 12 characters');
    expect(passwordProblem('x'.repeat(129), isCommon)).toBe('must be at most 128 characters');
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('Password1234', isCommon)).toBe('is a commonly used password; choose another');
    expect(passwordProblem('QWERTYUIOPAS', isCommon)).toMatch(/commonly used/);
  });
});
