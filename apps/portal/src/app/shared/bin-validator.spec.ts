import { BIN_RULE, binProblem } from './bin-validator';

describe('a bin as typed', () => {
  it('may be blank (no bin) or groups of letters and digits separated by dashes', () => {
    for (const value of ['', '  ', 'A', 'A-01-03', 'b-2', ' A-10 ']) expect(binProblem(value)).toBeNull();
  });

  it('refuses empty groups, other separators and over-long bins, naming the rule', () => {
    for (const value of ['A--1', '-A', 'A-', 'A 01', 'A_01', 'A/1']) expect(binProblem(value)).toBe(BIN_RULE);
    expect(binProblem('A'.repeat(21))).toBe('At most 20 characters');
  });
});
