import { binProblem } from './bin-validator';

describe('a bin as typed', () => {
  it('may be blank (no bin) or groups of letters and digits separated by dashes', () => {
    for (const value of ['', '  ', 'A', 'A-01-03', 'b-2', ' A-10 ']) expect(binProblem(value)).toBeNull();
  });

  it('refuses empty groups, other separators and over-long bins in the API’s words', () => {
    for (const value of ['A--1', '-A', 'A-', 'A 01', 'A_01', 'A/1']) {
      expect(binProblem(value)).toBe(
        "Bin must be groups of letters and digits separated by '-', like A-01-03",
      );
    }
    expect(binProblem('A'.repeat(21))).toBe('Bin must be at most 20 characters');
  });
});
