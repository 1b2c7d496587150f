import type { IsoDate } from '../availability/calendar';

/** The tokens a PO pattern may hold, each replaced by part of the run date. */
const TOKENS: Record<string, (date: IsoDate) => string> = {
  '{yyyy}': (date) => date.slice(0, 4),
  '{yy}': (date) => date.slice(2, 4),
  '{mm}': (date) => date.slice(5, 7),
  '{dd}': (date) => date.slice(8, 10),
};
const TOKEN = /\{[^{}]*\}/g;
/** As the PO number of an order. */
export const MAX_PO_NUMBER_LENGTH = 50;

/** Why the pattern cannot make PO numbers (an unknown token, too long), or null. */
export function poPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'must not be blank';
  const unknown = (pattern.match(TOKEN) ?? []).filter((token) => !(token in TOKENS));
  if (unknown.length > 0) return `has unknown tokens ${unknown.join(', ')}; use {yyyy}, {yy}, {mm}, {dd}`;
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return 'has an unmatched brace';
  if (poNumberFor(pattern, '2000-01-01').length > MAX_PO_NUMBER_LENGTH)
    return `makes PO numbers longer than ${MAX_PO_NUMBER_LENGTH} characters`;
  return null;
}

/** The PO number a run places its order with: "SO-{yyyy}{mm}{dd}" on 2027-03-01 → "SO-20270301". */
export function poNumberFor(pattern: string, runDate: IsoDate): string {
  return pattern.replace(TOKEN, (token) => TOKENS[token]?.(runDate) ?? token).trim();
}
