import { poNumberFor, poPatternProblem } from './po-pattern';

describe('PO patterns', () => {
  it('fill the run date into the tokens', () => {
    expect(poNumberFor('SO-{yyyy}{mm}{dd}', '2027-03-01')).toBe('SO-20270301');
    expect(poNumberFor('Weekly {dd}/{mm}/{yy}', '2027-03-01')).toBe('Weekly 01/03/27');
    expect(poNumberFor('STANDING', '2027-03-01')).toBe('STANDING');
  });

  it('are refused with unknown tokens, stray braces, or too long a result', () => {
    expect(poPatternProblem('SO-{yyyy}{mm}{dd}')).toBeNull();
    expect(poPatternProblem('SO-{date}')).toMatch(/unknown tokens \{date\}/);
    expect(poPatternProblem('SO-{yyyy')).toMatch(/unmatched brace/);
    expect(poPatternProblem('  ')).toMatch(/blank/);
    expect(poPatternProblem('X'.repeat(45) + '{yyyy}{mm}')).toMatch(/longer than 50/);
  });
});
